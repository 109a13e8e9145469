pub mod agency;
pub mod catalog;
pub mod report;
pub mod search;
pub mod tujie;
