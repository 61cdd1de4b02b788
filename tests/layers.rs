//! The crate's layers point one way: `engine ← app ← view ← web`, with `i18n`
//! (the string tables) usable by app, view and web. Every `crate::…` path in
//! the source is checked against that order, and the browser crates may only
//! appear in `web`. A `use crate::view` in `app` (say) fails this test.

use std::fs;
use std::path::{Path, PathBuf};

/// What each layer may name besides itself.
fn allowed(layer: &str) -> &'static [&'static str] {
    match layer {
        "engine" => &[],
        "i18n" => &[],
        "app" => &["engine", "i18n"],
        "view" => &["engine", "i18n", "app"],
        "web" => &["engine", "i18n", "app", "view"],
        other => panic!("src/{other} is not a layer named in tests/layers.rs"),
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The file's code without `//` comments (doc comments may name any layer).
fn code(text: &str) -> String {
    text.lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The layers a piece of code names: `crate::x` and each `x` of `crate::{x, y::…}`.
fn named_layers(code: &str) -> Vec<String> {
    let mut names = Vec::new();
    for part in code.split("crate::").skip(1) {
        if let Some(group) = part.strip_prefix('{') {
            let inner = group.split('}').next().unwrap_or("");
            for item in inner.split(',') {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                names.push(name);
            }
        } else {
            let name: String = part
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            names.push(name);
        }
    }
    names.retain(|n| !n.is_empty());
    names
}

#[test]
fn every_crate_path_points_down_the_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 50, "found only {} files", files.len());
    let mut wrong = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap_or(file);
        let Some(layer) = relative.iter().next().and_then(|c| c.to_str()) else {
            continue;
        };
        if layer == "lib.rs" {
            continue;
        }
        let layer = layer.trim_end_matches(".rs");
        let text = code(&fs::read_to_string(file).unwrap_or_default());
        for name in named_layers(&text) {
            if name != layer && !allowed(layer).contains(&name.as_str()) {
                wrong.push(format!("{}: crate::{name}", relative.display()));
            }
        }
        let browser = ["wasm_bindgen", "web_sys", "js_sys", "plotters_canvas"];
        if layer != "web" {
            for krate in browser {
                if text.contains(&format!("{krate}::")) {
                    wrong.push(format!("{}: {krate}", relative.display()));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "paths against the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_checker_sees_both_forms_of_use() {
    let text = "use crate::view::number::fmt;\nuse crate::{engine::x, app::Y};\n// crate::web in a comment";
    assert_eq!(named_layers(&code(text)), ["view", "engine", "app"]);
}
