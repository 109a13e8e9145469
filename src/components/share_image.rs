//! Saving a summary as one PNG image to share: the summary is drawn as SVG (a pure function
//! of the figures, tested natively), then painted onto a canvas in the browser.

use leptos::prelude::*;
use nianbao_model::format::escape_html;

/// One figure of the image: label, value as printed, unit, and an optional note line.
pub struct ImageFigure {
    pub label: String,
    pub value: String,
    pub unit: String,
    pub note: Option<String>,
}

/// Width of the image in CSS pixels (it is painted at twice this for sharp text).
pub const WIDTH: u32 = 1080;

/// The summary as an SVG document, and its height. With `qr`, the QR code of that address
/// stands beside the footer (Chinese readers share by image: scanned, it opens the page).
pub fn summary_svg(
    title: &str,
    subtitle: &str,
    figures: &[ImageFigure],
    footer: &[String],
    qr: Option<&str>,
) -> (String, u32) {
    const CARD_W: u32 = 500;
    const CARD_H: u32 = 150;
    const GAP: u32 = 20;
    const TOP: u32 = 190;
    let rows = figures.len().div_ceil(2) as u32;
    let footer_top = TOP + rows * (CARD_H + GAP) + 20;
    let footer_height = 40 + footer.len() as u32 * 34;
    let height = footer_top
        + if qr.is_some() {
            footer_height.max(200)
        } else {
            footer_height
        };
    let font = "font-family=\"Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif\"";
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\" {font}>\
         <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\
         <rect width=\"100%\" height=\"12\" fill=\"#9b1c1c\"/>\
         <text x=\"40\" y=\"80\" font-size=\"30\" fill=\"#9b1c1c\" font-weight=\"700\">{}</text>\
         <text x=\"40\" y=\"135\" font-size=\"40\" fill=\"#1f2328\" font-weight=\"700\">{}</text>",
        escape_html(subtitle),
        escape_html(title),
    );
    for (i, figure) in figures.iter().enumerate() {
        let x = 40 + (i as u32 % 2) * (CARD_W + GAP);
        let y = TOP + (i as u32 / 2) * (CARD_H + GAP);
        svg.push_str(&format!(
            "<rect x=\"{x}\" y=\"{y}\" width=\"{CARD_W}\" height=\"{CARD_H}\" rx=\"10\" fill=\"#ffffff\" stroke=\"#d8d4cc\" stroke-width=\"2\"/>\
             <rect x=\"{x}\" y=\"{y}\" width=\"{CARD_W}\" height=\"8\" rx=\"4\" fill=\"#9b1c1c\"/>\
             <text x=\"{}\" y=\"{}\" fill=\"#9b1c1c\" font-weight=\"700\"><tspan font-size=\"56\">{}</tspan><tspan font-size=\"26\" dx=\"6\">{}</tspan></text>\
             <text x=\"{}\" y=\"{}\" font-size=\"26\" fill=\"#1f2328\">{}</text>",
            x + 24,
            y + 76,
            escape_html(&figure.value),
            escape_html(&figure.unit),
            x + 24,
            y + 114,
            escape_html(&figure.label),
        ));
        if let Some(note) = &figure.note {
            svg.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" font-size=\"20\" fill=\"#57606a\">{}</text>",
                x + 24,
                y + 140,
                escape_html(note)
            ));
        }
    }
    for (i, line) in footer.iter().enumerate() {
        svg.push_str(&format!(
            "<text x=\"40\" y=\"{}\" font-size=\"22\" fill=\"#57606a\">{}</text>",
            footer_top + 30 + i as u32 * 34,
            escape_html(line)
        ));
    }
    if let Some(url) = qr {
        let size = 160.0;
        svg.push_str(&nianbao_model::qr::svg_rects(
            url,
            f64::from(WIDTH) - 40.0 - size,
            f64::from(footer_top) + 10.0,
            size,
        ));
    }
    svg.push_str("</svg>");
    (svg, height)
}

/// Paints `svg` onto a canvas at twice its size and downloads it as `file_name` (PNG).
#[cfg(target_arch = "wasm32")]
async fn download_png(
    svg: String,
    height: u32,
    file_name: String,
) -> Result<(), wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let parts = js_sys::Array::of1(&svg.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let svg_url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let image = web_sys::HtmlImageElement::new()?;
    image.set_src(&svg_url);
    let decoded = JsFuture::from(image.decode()).await;
    web_sys::Url::revoke_object_url(&svg_url)?;
    decoded?;
    let canvas: web_sys::HtmlCanvasElement = document().create_element("canvas")?.dyn_into()?;
    canvas.set_width(WIDTH * 2);
    canvas.set_height(height * 2);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or("no 2d context")?
        .dyn_into()?;
    context.scale(2.0, 2.0)?;
    context.draw_image_with_html_image_element(&image, 0.0, 0.0)?;
    let png = canvas.to_data_url_with_type("image/png")?;
    crate::components::download::link(&file_name, &png);
    Ok(())
}

/// What [`summary_svg`] draws, kept until a reader asks for the image: drawing it (its QR
/// code most) took a fifth of the pre-render's time for a 图解 page, which never shows it.
pub struct SummaryImage {
    pub title: String,
    pub subtitle: String,
    pub figures: Vec<ImageFigure>,
    pub footer: Vec<String>,
    pub qr: Option<String>,
}

impl SummaryImage {
    /// The image as an SVG document, and its height.
    pub fn svg(&self) -> (String, u32) {
        summary_svg(
            &self.title,
            &self.subtitle,
            &self.figures,
            &self.footer,
            self.qr.as_deref(),
        )
    }
}

/// A button that saves the summary as a PNG image, drawn when it is clicked.
#[component]
pub fn SaveImageButton(image: SummaryImage, file_name: String) -> impl IntoView {
    let status = crate::components::status::use_status();
    let on_click = move |_| {
        #[cfg(target_arch = "wasm32")]
        {
            let (svg, height) = image.svg();
            let file_name = file_name.clone();
            leptos::task::spawn_local(async move {
                match download_png(svg, height, file_name).await {
                    Ok(()) => status.say("已保存图片"),
                    Err(_) => status.say("无法生成图片，请改用“打印”保存"),
                }
            });
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (&image, &file_name, status);
    };
    view! {
        <button type="button" class="save-image" on:click=on_click>
            "保存为图片"
        </button>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_image_shows_each_figure_and_escapes_text() {
        let figures = [
            ImageFigure {
                label: "主动公开政府信息".into(),
                value: "4480余".into(),
                unit: "条".into(),
                note: None,
            },
            ImageFigure {
                label: "A<B".into(),
                value: "13".into(),
                unit: "件".into(),
                note: Some("比上年 +1".into()),
            },
            ImageFigure {
                label: "政策解读".into(),
                value: "12".into(),
                unit: "篇".into(),
                note: None,
            },
        ];
        let (svg, height) = summary_svg(
            "2017年度 · 图解",
            "沈阳市发展和改革委员会",
            &figures,
            &["来源".into()],
            None,
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains(">4480余<") && svg.contains(">主动公开政府信息<"));
        assert!(svg.contains("A&lt;B") && !svg.contains("A<B"));
        assert!(svg.contains("比上年 +1"));
        // Two rows of cards (three figures, two per row) and the footer.
        assert_eq!(height, 190 + 2 * 170 + 20 + 40 + 34);
        // With the page's address as a QR code beside the footer, which then makes room for it.
        let (svg, height) = summary_svg(
            "t",
            "s",
            &figures,
            &["来源".into()],
            Some("https://example.org/a/"),
        );
        assert!(svg.matches("h-").count() > 100, "QR modules");
        assert_eq!(height, 190 + 2 * 170 + 20 + 200);
    }
}
