pub mod contents;
pub mod copy_link;
pub mod error_view;
pub mod font_size;
pub mod page_meta;
pub mod section;
pub mod status;
pub mod tables;
