//! A QR code of an address as SVG, for images readers share (a share card, the
//! 图解 saved as a picture): scanned, it opens the page the image shows.

/// The QR code of `text` as SVG elements, `size` pixels square at (`x`, `y`), dark modules
/// on a white square with a quiet zone; empty if `text` is too long for a QR code.
pub fn svg_rects(text: &str, x: f64, y: f64, size: f64) -> String {
    let Ok(code) = qrcode::QrCode::new(text.as_bytes()) else {
        return String::new();
    };
    let width = code.width();
    let quiet = 2;
    let module = size / (width + 2 * quiet) as f64;
    // One path of all dark modules (one fill for the renderer, not one per module).
    let mut d = String::new();
    for (i, c) in code.to_colors().iter().enumerate() {
        if *c == qrcode::Color::Dark {
            let (col, row) = (i % width, i / width);
            d.push_str(&format!(
                "M{:.2} {:.2}h{module:.2}v{module:.2}h-{module:.2}z",
                x + (col + quiet) as f64 * module,
                y + (row + quiet) as f64 * module,
            ));
        }
    }
    let svg = format!(
        "<rect x=\"{x:.2}\" y=\"{y:.2}\" width=\"{size:.2}\" height=\"{size:.2}\" fill=\"#ffffff\"/>\
         <path d=\"{d}\" fill=\"#1f2328\" shape-rendering=\"crispEdges\"/>"
    );
    svg
}

#[cfg(test)]
mod tests {
    use super::svg_rects;

    #[test]
    fn an_address_becomes_modules_inside_its_square() {
        let svg = svg_rects(
            "https://example.org/shenyang-fgw/2017/tujie/s3/",
            10.0,
            20.0,
            170.0,
        );
        let modules = svg.matches("h-").count();
        // Version 3 (29×29) for this length: roughly half of 841 modules are dark.
        assert!((250..600).contains(&modules), "{modules}");
        assert!(svg.starts_with("<rect x=\"10.00\" y=\"20.00\" width=\"170.00\""));
        assert_eq!(svg_rects(&"x".repeat(8000), 0.0, 0.0, 10.0), "");
    }
}
