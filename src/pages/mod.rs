pub mod agency;
pub mod catalog;
pub mod report;
pub mod tujie;
