pub mod agency;
pub mod catalog;
pub mod not_found;
pub mod report;
pub mod tujie;
