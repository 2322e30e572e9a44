//! Indicators: find the figures (`quantity`), tell which year and kind they belong to
//! (`frame`), name them (`catalog`) and put it together (`extract`).

pub mod catalog;
pub mod extract;
pub mod frame;
pub mod quantity;
pub mod words;
