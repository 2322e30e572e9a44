//! Cue words: the verbs, qualifiers and phrases around a figure that tell its change, bound,
//! period and kind. They live in `data/cues.txt`, one section per list, and `build.rs` turns
//! each section into a `&[&str]` here — a new wording is a word in that file, not code.

include!(concat!(env!("OUT_DIR"), "/cues.rs"));

/// Verbs of change before a figure, with `true` for a fall: `[change_up]` then `[change_down]`.
pub static CHANGE_VERBS: std::sync::LazyLock<Vec<(&'static str, bool)>> =
    std::sync::LazyLock::new(|| CHANGE_UP.iter().map(|w| (*w, false)).chain(CHANGE_DOWN.iter().map(|w| (*w, true))).collect());
