//! Word lists the extractor reads: the verbs, adverbs and qualifiers around a figure, from
//! `data/cues.txt` (see [`crate::cues`]).

pub use crate::cues::{
    ABOUT_BEFORE, AT_LEAST_BEFORE, AT_MOST_BEFORE, CHANGE_VERBS, COMPARISONS, ELLIPTIC_HEADS, SCOPE_PREFIXES, SHARED_HEADS, TO_MARKERS, TRAILING_FILLERS,
};
