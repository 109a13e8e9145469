//! nianbao app
