//! The drawing: two chart shapes (horizontal bars by name, vertical bars by category), generic
//! over plotters' `DrawingBackend`, and the SVG wrapper that adds hover boxes.

use super::{fmt_num, xml_escape, Bar, Row};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Default width of a chart in pixels (the page asks for less on a phone).
pub(super) const WIDTH: u32 = 720;
const FONT: &str = "sans-serif";
const RESULT: RGBColor = RGBColor(31, 119, 180);
const TARGET: RGBColor = RGBColor(255, 127, 14);
const TEXT: RGBColor = RGBColor(40, 40, 40);

/// A hover box in pixels, with its tooltip.
struct Hit {
    x0: i32,
    y0: i32,
    x1: i32,
    y1: i32,
    tip: String,
}

type DrawResult<T, DB> = Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Names longer than this many characters are shortened on the axis (the tooltip has them
/// whole): fewer on a narrow chart.
fn max_name(width: u32) -> usize {
    if width < 520 {
        7
    } else {
        11
    }
}

fn axis_name(name: &str, width: u32) -> String {
    let max = max_name(width);
    if name.chars().count() > max {
        name.chars().take(max - 1).chain("…".chars()).collect()
    } else {
        name.to_string()
    }
}

/// Horizontal bars, one row per name, up to two bars per row (result and target).
/// Returns the SVG and how many bars it drew.
pub(super) fn horizontal(width: u32, title: &str, x_desc: &str, rows: &[Row], legend: &[String; 2]) -> Option<(String, usize)> {
    let height = 90 + 34 * rows.len() as u32 + 40;
    let mut svg = String::new();
    let hits = {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let hits = draw_horizontal(&root, title, x_desc, rows, legend).ok()?;
        root.present().ok()?;
        hits
    };
    let bars = hits.len();
    Some((finish(svg, title, hits), bars))
}

fn draw_horizontal<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, title: &str, x_desc: &str, rows: &[Row], legend: &[String; 2]) -> DrawResult<Vec<Hit>, DB> {
    root.fill(&WHITE)?;
    let n = rows.len() as f64;
    let values = rows.iter().flat_map(|r| r.bars.iter().map(|b| b.to));
    let (lo, hi) = values.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    // Room at the right end for the value labels.
    let span = (hi - lo).max(1e-9);
    let (x0, x1) = (if lo < 0.0 { lo - span * 0.18 } else { 0.0 }, hi + span * 0.22);
    let width = root.dim_in_pixel().0;
    let name_chars = rows.iter().map(|r| axis_name(&r.name, width).chars().count()).max().unwrap_or(4);
    let label_area = (name_chars as u32 * 14 + 20).clamp(60, 200);
    let body = header(root, title)?;
    let mut chart = ChartBuilder::on(&body)
        .margin(12)
        .margin_right(20)
        .x_label_area_size(44)
        .y_label_area_size(label_area)
        .build_cartesian_2d(x0..x1, 0f64..n)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_labels(6)
        .x_desc(x_desc)
        .label_style((FONT, 16).into_font().color(&TEXT))
        .axis_desc_style((FONT, 16).into_font().color(&TEXT))
        .x_label_formatter(&|v| fmt_num(*v))
        .light_line_style(WHITE.mix(0.0))
        .draw()?;
    let two = rows.iter().any(|r| r.bars.len() > 1 || r.bars.iter().any(|b| b.target));
    let mut hits = Vec::new();
    let mut drawn = [false, false];
    for (i, row) in rows.iter().enumerate() {
        // Row i from the top occupies y in [n - i - 1, n - i].
        let top = n - i as f64;
        let slots: Vec<(f64, f64)> = if two { vec![(top - 0.14, top - 0.5), (top - 0.5, top - 0.86)] } else { vec![(top - 0.2, top - 0.8)] };
        for bar in &row.bars {
            let slot = if two && bar.target { slots[1] } else { slots[0] };
            let color = if bar.target { TARGET } else { RESULT };
            chart.draw_series(std::iter::once(Rectangle::new([(bar.from, slot.0), (bar.to, slot.1)], color.filled())))?;
            drawn[usize::from(bar.target)] = true;
            hits.push(hit(&chart, bar, slot));
            let (px, py) = chart.backend_coord(&(bar.to, (slot.0 + slot.1) / 2.0));
            let anchor = if bar.to < 0.0 { HPos::Right } else { HPos::Left };
            let dx = if bar.to < 0.0 { -4 } else { 4 };
            let style = TextStyle::from((FONT, 15).into_font()).color(&TEXT).pos(Pos::new(anchor, VPos::Center));
            root.draw_text(&bar.label, &style, (px + dx, py))?;
        }
        let (px, py) = chart.backend_coord(&(x0, top - 0.5));
        let style = TextStyle::from((FONT, 16).into_font()).color(&TEXT).pos(Pos::new(HPos::Right, VPos::Center));
        root.draw_text(&axis_name(&row.name, width), &style, (px - 8, py))?;
    }
    // The key, under the title at the right (inside the plot it would hide bars).
    let mut x = width as i32 - 20;
    let style = TextStyle::from((FONT, 16).into_font()).color(&TEXT).pos(Pos::new(HPos::Right, VPos::Center));
    for k in [1, 0] {
        if drawn[k] && !legend[k].is_empty() {
            let w = legend[k].chars().count() as i32 * 12;
            root.draw_text(&legend[k], &style, (x, 48))?;
            let color = if k == 1 { TARGET } else { RESULT };
            root.draw(&Rectangle::new([(x - w - 20, 41), (x - w - 5, 55)], color.filled()))?;
            x -= w + 36;
        }
    }
    Ok(hits)
}

/// Height of the band above the plot that holds the title and the key.
const HEADER: u32 = 62;

/// Draw the title in the band at the top; the plot goes in the area below it.
fn header<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, title: &str) -> DrawResult<DrawingArea<DB, Shift>, DB> {
    let (top, body) = root.split_vertically(HEADER);
    let width = root.dim_in_pixel().0;
    let size = if width < 520 { 16 } else { 22 };
    let style = TextStyle::from((FONT, size).into_font()).color(&TEXT).pos(Pos::new(HPos::Center, VPos::Top));
    top.draw_text(title, &style, (width as i32 / 2, 10))?;
    Ok(body)
}

fn hit<DB: DrawingBackend>(chart: &ChartContext<'_, DB, Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>>, bar: &Bar, slot: (f64, f64)) -> Hit {
    let (ax, ay) = chart.backend_coord(&(bar.from.min(bar.to), slot.0));
    let (bx, by) = chart.backend_coord(&(bar.from.max(bar.to), slot.1));
    Hit { x0: ax.min(bx), y0: ay.min(by), x1: ax.max(bx).max(ax.min(bx) + 2), y1: ay.max(by), tip: bar.tip.clone() }
}

/// Vertical bars, one per category, labelled above with their value (two lines allowed).
pub(super) fn vertical(width: u32, title: &str, y_desc: &str, cols: &[(String, f64, String, String)]) -> Option<(String, usize)> {
    let height = 380;
    let mut svg = String::new();
    let hits = {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let hits = draw_vertical(&root, title, y_desc, cols).ok()?;
        root.present().ok()?;
        hits
    };
    let bars = hits.len();
    Some((finish(svg, title, hits), bars))
}

fn draw_vertical<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, title: &str, y_desc: &str, cols: &[(String, f64, String, String)]) -> DrawResult<Vec<Hit>, DB> {
    root.fill(&WHITE)?;
    let n = cols.len() as f64;
    let hi = cols.iter().map(|c| c.1).fold(0.0f64, f64::max).max(1.0);
    let body = header(root, title)?;
    let mut chart = ChartBuilder::on(&body)
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(70)
        .build_cartesian_2d(0f64..n, 0f64..hi * 1.3)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(6)
        .y_desc(y_desc)
        .label_style((FONT, 16).into_font().color(&TEXT))
        .axis_desc_style((FONT, 16).into_font().color(&TEXT))
        .y_label_formatter(&|v| fmt_num(*v))
        .light_line_style(WHITE.mix(0.0))
        .draw()?;
    let mut hits = Vec::new();
    for (i, (name, v, label, tip)) in cols.iter().enumerate() {
        let (l, r) = (i as f64 + 0.25, i as f64 + 0.75);
        chart.draw_series(std::iter::once(Rectangle::new([(l, 0.0), (r, *v)], RESULT.filled())))?;
        let (ax, ay) = chart.backend_coord(&(l, *v));
        let (bx, by) = chart.backend_coord(&(r, 0.0));
        hits.push(Hit { x0: ax, y0: ay, x1: bx, y1: by.max(ay + 2), tip: tip.clone() });
        let (cx, top) = chart.backend_coord(&(i as f64 + 0.5, *v));
        let style = TextStyle::from((FONT, 16).into_font()).color(&TEXT).pos(Pos::new(HPos::Center, VPos::Bottom));
        let lines: Vec<&str> = label.lines().filter(|l| !l.is_empty()).collect();
        for (k, line) in lines.iter().enumerate() {
            let up = (lines.len() - 1 - k) as i32 * 18;
            root.draw_text(line, &style, (cx, top - 6 - up))?;
        }
        let (cx, base) = chart.backend_coord(&(i as f64 + 0.5, 0.0));
        let style = TextStyle::from((FONT, 16).into_font()).color(&TEXT).pos(Pos::new(HPos::Center, VPos::Top));
        root.draw_text(name, &style, (cx, base + 8))?;
    }
    Ok(hits)
}

/// Make the SVG scale with its container and add the hover boxes: transparent rectangles over
/// the bars, each with a `<title>` (the browser's tooltip) and a `data-tip` for the page.
fn finish(svg: String, title: &str, hits: Vec<Hit>) -> String {
    let mut out = String::with_capacity(svg.len() + hits.len() * 200);
    let Some(open_end) = svg.find('>') else { return svg };
    let Some(close) = svg.rfind("</svg>") else { return svg };
    let open = &svg[..open_end];
    out.push_str(open);
    out.push_str(&format!(" role=\"img\" aria-label=\"{}\" class=\"report-chart\"", xml_escape(title)));
    out.push('>');
    out.push_str(&svg[open_end + 1..close]);
    for h in hits {
        let tip = xml_escape(&h.tip);
        out.push_str(&format!(
            "<rect class=\"hit\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#000\" fill-opacity=\"0\" data-tip=\"{tip}\"><title>{tip}</title></rect>\n",
            h.x0,
            h.y0,
            (h.x1 - h.x0).max(1),
            (h.y1 - h.y0).max(1)
        ));
    }
    out.push_str(&svg[close..]);
    out
}
