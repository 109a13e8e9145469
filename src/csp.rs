//! The Content-Security-Policy every page carries, as a `<meta http-equiv>` tag written by the
//! post-build step (`nianbao-prerender`), so that any static host serves it without
//! configuration.
//!
//! Scripts run only from the site itself and from the inline scripts the build wrote (Trunk's
//! wasm start-up, the ECharts bundle's name), each allowed by its SHA-256 hash: a script that
//! gets into the page any other way (a report's text, an injected tag) does not run.
//! WebAssembly compiles under `'wasm-unsafe-eval'`; `eval` stays forbidden. Styles allow
//! inline `style` attributes (the 图解 bars carry their widths), which cannot run code.

use base64::Engine as _;
use sha2::{Digest, Sha256};

/// The policy, with `'sha256-…'` sources for the page's inline scripts.
pub fn policy(script_hashes: &[String]) -> String {
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    for hash in script_hashes {
        script_src.push_str(&format!(" '{hash}'"));
    }
    [
        "default-src 'self'".to_string(),
        format!("script-src {script_src}"),
        "style-src 'self' 'unsafe-inline'".to_string(),
        // data: and blob: for the chart's PNG and the table's CSV downloads.
        "img-src 'self' data: blob:".to_string(),
        "connect-src 'self'".to_string(),
        "object-src 'none'".to_string(),
        "base-uri 'self'".to_string(),
        "form-action 'self'".to_string(),
    ]
    .join("; ")
}

/// `sha256-…` of each inline script that runs (no `src`, a JavaScript type) in `html`.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let tag = &after[..tag_end];
        let body_start = tag_end + 1;
        let Some(body_len) = after[body_start..].find("</script>") else {
            break;
        };
        let body = &after[body_start..body_start + body_len];
        if !tag.contains(" src=") && runs_as_script(tag) {
            let digest = Sha256::digest(body.as_bytes());
            let hash = base64::engine::general_purpose::STANDARD.encode(digest);
            let source = format!("sha256-{hash}");
            if !hashes.contains(&source) {
                hashes.push(source);
            }
        }
        rest = &after[body_start + body_len..];
    }
    hashes
}

/// Whether a `<script …` tag's type makes the browser run it (data blocks such as JSON-LD do
/// not run, so the policy needs no hash for them).
fn runs_as_script(tag: &str) -> bool {
    let Some(at) = tag.find("type=") else {
        return true;
    };
    let value = tag[at + 5..]
        .trim_start_matches(['"', '\''])
        .split(['"', '\'', ' ', '>'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    matches!(
        value.as_str(),
        "" | "module" | "text/javascript" | "application/javascript"
    )
}

/// `html` with the policy's `<meta>` right after `<meta charset…>` (before any script, so
/// that it covers them all). A page that already has a policy is returned as it is.
/// The page without its policy (to derive another page from it, whose scripts differ).
pub fn without_policy(html: &str) -> String {
    let Some(start) = html.find("<meta http-equiv=\"Content-Security-Policy\"") else {
        return html.to_string();
    };
    let end = html[start..]
        .find('>')
        .map_or(html.len(), |e| start + e + 1);
    // The line the policy was given (see `with_policy`).
    let start = if html[..start].ends_with("\n  ") {
        start - 3
    } else {
        start
    };
    format!("{}{}", &html[..start], &html[end..])
}

pub fn with_policy(html: &str) -> String {
    if html.contains("http-equiv=\"Content-Security-Policy\"") {
        return html.to_string();
    }
    let meta = format!(
        "\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{}\" />",
        policy(&inline_script_hashes(html))
    );
    let at = html
        .find("<meta charset")
        .and_then(|start| html[start..].find('>').map(|end| start + end + 1))
        .or_else(|| html.find("<head>").map(|start| start + "<head>".len()));
    match at {
        Some(at) => format!("{}{meta}{}", &html[..at], &html[at..]),
        None => html.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!DOCTYPE html><html><head>\n<meta charset=\"utf-8\" />\n\
        <script src=\"/boot.js\"></script>\n<script type=\"module\">\nimport init from '/a.js';\n</script>\n\
        <script>window.X = 1;\n</script>\n<script type=\"application/ld+json\">{}</script>\n\
        </head><body></body></html>";

    #[test]
    fn inline_scripts_that_run_are_hashed() {
        let hashes = inline_script_hashes(PAGE);
        assert_eq!(hashes.len(), 2, "{hashes:?}");
        // printf "window.X = 1;\n" | openssl dgst -sha256 -binary | base64
        assert!(hashes.contains(&"sha256-7vlznLCPAtyXnsYkEoGMzE4c7ifmMS2ZwFNp2ToFx8E=".to_string()));
    }

    #[test]
    fn a_policy_comes_off_as_it_went_on() {
        assert_eq!(without_policy(&with_policy(PAGE)), PAGE);
        assert_eq!(without_policy(PAGE), PAGE);
    }

    #[test]
    fn the_policy_comes_before_every_script() {
        let page = with_policy(PAGE);
        let meta = page.find("Content-Security-Policy").unwrap();
        assert!(meta < page.find("<script").unwrap());
        assert!(page.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"));
        assert!(!page.contains("'unsafe-eval'"));
        assert_eq!(with_policy(&page), page, "applied once");
    }
}
