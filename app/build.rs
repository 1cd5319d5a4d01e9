//! Embeds the guidance content (`../content/topics.toml`, `../content/guidance/*.md`) into
//! the crate as `$OUT_DIR/content_files.rs`, so the server binary carries its content and
//! the tests check exactly what ships.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    let guidance = content.join("guidance");
    let topics = content.join("topics.toml");
    println!("cargo:rerun-if-changed={}", guidance.display());
    println!("cargo:rerun-if-changed={}", topics.display());

    let mut out = String::new();
    if topics.exists() {
        writeln!(
            out,
            "pub const TOPICS: &str = include_str!({:?});",
            path_text(&topics)
        )
        .unwrap();
    } else {
        out.push_str("pub const TOPICS: &str = \"\";\n");
    }
    let mut pages: Vec<_> = std::fs::read_dir(&guidance)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "md"))
                .collect()
        })
        .unwrap_or_default();
    pages.sort();
    out.push_str("pub const GUIDANCE: &[(&str, &str)] = &[\n");
    for page in pages {
        let slug = page.file_stem().unwrap().to_string_lossy().into_owned();
        writeln!(out, "    ({slug:?}, include_str!({:?})),", path_text(&page)).unwrap();
    }
    out.push_str("];\n");
    let target = Path::new(&std::env::var("OUT_DIR").unwrap()).join("content_files.rs");
    std::fs::write(target, out).unwrap();
}

fn path_text(path: &Path) -> String {
    path.canonicalize()
        .unwrap_or_else(|_| path.to_path_buf())
        .to_string_lossy()
        .into_owned()
}
