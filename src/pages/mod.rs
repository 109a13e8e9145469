pub mod agency;
pub mod catalog;
pub mod checks;
pub mod compare;
pub mod overview;
pub mod report;
pub mod search;
pub mod tujie;
