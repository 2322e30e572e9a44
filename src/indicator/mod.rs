//! Indicators: find the figures (`quantity`), name their subjects (`subject`, `catalog`), read
//! lists (`list`) and qualifiers (`qualifier`), and put it together clause by clause (`extract`).

pub mod catalog;
pub mod extract;
pub mod list;
pub mod qualifier;
pub mod quantity;
pub mod subject;
pub mod words;
