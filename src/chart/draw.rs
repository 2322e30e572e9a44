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
/// Series colours: results, targets, then more for charts with several reports.
const PALETTE: [RGBColor; 8] = [RESULT, TARGET, RGBColor(44, 160, 44), RGBColor(214, 39, 40), RGBColor(148, 103, 189), RGBColor(140, 86, 75), RGBColor(227, 119, 194), RGBColor(127, 127, 127)];

fn color(series: usize) -> RGBColor {
    PALETTE[series % PALETTE.len()]
}
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

/// Horizontal bars, one row per name, one bar per series in each row (`legend` names the
/// series: result and target, or one per report). Returns the SVG and how many bars it drew.
/// The largest magnitude a chart draws: any sum or span of two such values stays finite, so
/// plotters' axis ticks always end (an infinite range makes `compute_f64_key_points` loop).
/// A value beyond it (a forged link, a number too long to be a figure) is left out of the chart.
const DRAWABLE: f64 = 1e18;

/// Whether XML 1.0 allows `c` in a document (tab, line breaks, and everything from U+0020 but
/// the two non-characters U+FFFE and U+FFFF; Rust's `char` has no surrogates).
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}'
}

pub(super) fn drawable(v: f64) -> bool {
    v.is_finite() && v.abs() <= DRAWABLE
}

pub(super) fn horizontal(width: u32, title: &str, x_desc: &str, rows: &[Row], legend: &[String]) -> Option<(String, usize)> {
    let rows: Vec<Row> = rows
        .iter()
        .map(|r| Row { name: r.name.clone(), bars: r.bars.iter().filter(|b| drawable(b.from) && drawable(b.to)).cloned().collect() })
        .filter(|r| !r.bars.is_empty())
        .collect();
    if rows.is_empty() {
        return None;
    }
    let rows = rows.as_slice();
    let n = legend.len().max(1) as u32;
    let row_height = if n <= 2 { 34 } else { 14 + 10 * n };
    let height = 90 + row_height * rows.len() as u32 + 40;
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

fn draw_horizontal<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, title: &str, x_desc: &str, rows: &[Row], legend: &[String]) -> DrawResult<Vec<Hit>, DB> {
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
    // As many slots per row as series appear (one series: one thick bar).
    let series = rows.iter().flat_map(|r| r.bars.iter().map(|b| b.series + 1)).max().unwrap_or(1).max(legend.len());
    let mut hits = Vec::new();
    let mut drawn = vec![false; series];
    for (i, row) in rows.iter().enumerate() {
        // Row i from the top occupies y in [n - i - 1, n - i].
        let top = n - i as f64;
        let slot_of = |k: usize| -> (f64, f64) {
            if series == 1 {
                return (top - 0.2, top - 0.8);
            }
            let h = 0.72 / series as f64;
            (top - 0.14 - h * k as f64, top - 0.14 - h * (k + 1) as f64)
        };
        for bar in &row.bars {
            let slot = slot_of(bar.series);
            chart.draw_series(std::iter::once(Rectangle::new([(bar.from, slot.0), (bar.to, slot.1)], color(bar.series).filled())))?;
            drawn[bar.series] = true;
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
    for k in (0..legend.len()).rev() {
        if drawn.get(k).copied().unwrap_or(false) && !legend[k].is_empty() {
            let w = legend[k].chars().map(|c| if c.is_ascii() { 8 } else { 13 }).sum::<i32>();
            root.draw_text(&legend[k], &style, (x, 48))?;
            root.draw(&Rectangle::new([(x - w - 20, 41), (x - w - 5, 55)], color(k).filled()))?;
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
    let cols: Vec<(String, f64, String, String)> = cols.iter().filter(|c| drawable(c.1)).cloned().collect();
    if cols.is_empty() {
        return None;
    }
    let cols = cols.as_slice();
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
fn finish(mut svg: String, title: &str, hits: Vec<Hit>) -> String {
    // Only characters XML allows: a `U+FFFF` in a name (from a report or a link) made the SVG
    // ill-formed and its PNG download fail.
    svg.retain(is_xml_char);
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

/// One point of a trend: year, number, text beside it, tooltip.
pub(super) struct TrendPoint {
    pub year: i32,
    pub y: f64,
    /// Upper end of a target range.
    pub high: Option<f64>,
    pub label: String,
    pub tip: String,
}

/// Results as a line with dots, targets as triangles (a range as a bar from low to high).
pub(super) fn trend(width: u32, title: &str, y_desc: &str, results: &[TrendPoint], targets: &[TrendPoint], legend: [&str; 2]) -> Option<(String, usize)> {
    let ok = |p: &&TrendPoint| drawable(p.y) && p.high.is_none_or(drawable);
    let results: Vec<&TrendPoint> = results.iter().filter(ok).collect();
    let targets: Vec<&TrendPoint> = targets.iter().filter(ok).collect();
    if results.is_empty() && targets.is_empty() {
        return None;
    }
    let mut svg = String::new();
    let hits = {
        let root = SVGBackend::with_string(&mut svg, (width, 400)).into_drawing_area();
        let hits = draw_trend(&root, title, y_desc, &results, &targets, legend).ok()?;
        root.present().ok()?;
        hits
    };
    let n = hits.len();
    Some((finish(svg, title, hits), n))
}

fn draw_trend<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, title: &str, y_desc: &str, results: &[&TrendPoint], targets: &[&TrendPoint], legend: [&str; 2]) -> DrawResult<Vec<Hit>, DB> {
    root.fill(&WHITE)?;
    let all = results.iter().chain(targets);
    let (y0, y1) = all.clone().fold((f64::MAX, f64::MIN), |(lo, hi), p| (lo.min(p.y), hi.max(p.high.unwrap_or(p.y))));
    let (x0, x1) = all.fold((i32::MAX, i32::MIN), |(lo, hi), p| (lo.min(p.year), hi.max(p.year)));
    let span = (y1 - y0).abs().max(1e-9);
    let (lo, hi) = ((y0 - span * 0.25).min(0.0f64.max(y0 - span * 0.25)), y1 + span * 0.3);
    let lo = if y0 >= 0.0 { lo.max(0.0) } else { lo };
    let body = header(root, title)?;
    let mut chart = ChartBuilder::on(&body)
        .margin(12)
        .margin_right(24)
        .x_label_area_size(40)
        .y_label_area_size(60)
        .build_cartesian_2d((x0 as f64 - 0.5)..(x1 as f64 + 0.5), lo..hi.max(lo + 1.0))?;
    let years = (x1 - x0 + 1).max(1) as usize;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(years.min(12))
        .y_labels(6)
        .y_desc(y_desc)
        .x_label_formatter(&|v| if (v - v.round()).abs() < 0.01 { format!("{}", v.round() as i32) } else { String::new() })
        .y_label_formatter(&|v| fmt_num(*v))
        .label_style((FONT, 15).into_font().color(&TEXT))
        .axis_desc_style((FONT, 15).into_font().color(&TEXT))
        .light_line_style(WHITE.mix(0.0))
        .draw()?;
    let mut hits = Vec::new();
    // The line joins consecutive years only: a year without a report leaves a gap.
    let mut run: Vec<(f64, f64)> = Vec::new();
    for (k, p) in results.iter().enumerate() {
        if k > 0 && p.year != results[k - 1].year + 1 {
            chart.draw_series(LineSeries::new(std::mem::take(&mut run), RESULT.stroke_width(3)))?;
        }
        run.push((p.year as f64, p.y));
    }
    chart.draw_series(LineSeries::new(run, RESULT.stroke_width(3)))?;
    let label_style = TextStyle::from((FONT, 14).into_font()).color(&TEXT);
    let mut mark = |chart: &ChartContext<'_, DB, Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>>, p: &TrendPoint, dy: i32, pos: VPos| -> DrawResult<(), DB> {
        let (px, py) = chart.backend_coord(&(p.year as f64, p.y));
        hits.push(Hit { x0: px - 7, y0: py - 7, x1: px + 7, y1: py + 7, tip: p.tip.clone() });
        root.draw_text(&p.label, &label_style.pos(Pos::new(HPos::Center, pos)), (px, py + dy))?;
        Ok(())
    };
    for p in results {
        chart.draw_series(std::iter::once(Circle::new((p.year as f64, p.y), 5, RESULT.filled())))?;
        mark(&chart, p, -10, VPos::Bottom)?;
    }
    for p in targets {
        if let Some(h) = p.high {
            chart.draw_series(std::iter::once(Rectangle::new([(p.year as f64 - 0.06, p.y), (p.year as f64 + 0.06, h)], TARGET.mix(0.5).filled())))?;
        }
        let (px, py) = chart.backend_coord(&(p.year as f64, p.y));
        root.draw(&Polygon::new(vec![(px, py - 7), (px - 7, py + 6), (px + 7, py + 6)], TARGET.filled()))?;
        mark(&chart, p, 10, VPos::Top)?;
    }
    // The key.
    let style = TextStyle::from((FONT, 16).into_font()).color(&TEXT).pos(Pos::new(HPos::Right, VPos::Center));
    let width = root.dim_in_pixel().0 as i32;
    let w1 = legend[1].chars().count() as i32 * 13;
    root.draw_text(legend[1], &style, (width - 20, 48))?;
    root.draw(&Polygon::new(vec![(width - 20 - w1 - 12, 41), (width - 20 - w1 - 19, 54), (width - 20 - w1 - 5, 54)], TARGET.filled()))?;
    let x = width - 20 - w1 - 36;
    let w0 = legend[0].chars().count() as i32 * 13;
    root.draw_text(legend[0], &style, (x, 48))?;
    root.draw(&Circle::new((x - w0 - 12, 48), 5, RESULT.filled()))?;
    Ok(hits)
}
