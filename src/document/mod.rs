//! Document structure, one home for both the outline and the extraction: headings
//! (`heading`), sentences (`sentence`), and the frame of year and kind a stretch of text speaks
//! in (`frame`), with the cue words that set it (`data/cues.txt`).

pub mod frame;
pub mod heading;
pub mod sentence;
