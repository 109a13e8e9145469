//! Figure extraction: ranges must stay on char boundaries for any paragraph.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao_ingest::figures;

fuzz_target!(|text: &str| {
    let mut out = Vec::new();
    figures::in_paragraph(text, "s1", 0, &mut out);
    let chars: Vec<char> = text.chars().collect();
    for f in out {
        assert!(f.start <= f.end && f.end <= chars.len());
        assert_eq!(chars[f.start..f.end].iter().collect::<String>(), f.text);
    }
});
