//! A text that holds no year at all (a news page that says only 今年 and 去年, a paragraph
//! copied without its title) gets its periods as the text says them, never a year made up.

use report_lens::{analyze, headline::headline, model::Kind};

fn facts(text: &str) -> Vec<(String, Kind, String, Option<f64>, Option<f64>)> {
    analyze(text).indicators.into_iter().filter(|i| i.in_catalog).map(|i| (i.name, i.kind, i.period, i.value, i.change_pct)).collect()
}

#[test]
fn a_news_page_without_a_year_says_this_year() {
    // 新乡日报, 2022: the targets of "今年的市政府工作报告", no year anywhere on the page.
    let text = std::fs::read_to_string("tests/fixtures/neverseen/batch6/xinxiang-city-2022.txt").unwrap();
    let r = analyze(&text);
    assert_eq!((r.meta.review_year, r.meta.plan_year), (None, None));
    assert!(r.warnings.iter().any(|w| w.code == "no_year" && w.message.contains("今年")), "{:?}", r.warnings);
    let f = facts(&text);
    assert!(f.contains(&("地区生产总值".into(), Kind::Target, "今年".into(), Some(3600.0), Some(10.0))), "{f:?}");
    assert!(f.iter().all(|(_, _, p, _, _)| p == "今年" || p == "上年"), "{f:?}");
    let h = headline(&r);
    let gdp = h.items.iter().find(|i| i.name == "地区生产总值").expect("GDP in the headline strip");
    assert_eq!(gdp.target.as_ref().map(|c| c.text.as_str()), Some("3600亿元以上，增长10%以上"));
}

#[test]
fn a_paragraph_copied_without_its_title_says_last_year() {
    // 藁城区 2018 (长城网), the review paragraph alone: "全年" of the year before.
    let text = "一年来，我们强基础、增投入，综合实力迈上新台阶。坚持用新发展理念统领全局，全年地区生产总值完成670亿元，增长7.2%；一般公共预算收入完成27.1亿元，增长15.1%；规上工业增加值达到422.6亿元，增长6.4%；固定资产投资完成331亿元，增长9.5%。";
    let f = facts(text);
    assert!(f.contains(&("地区生产总值".into(), Kind::Actual, "上年".into(), Some(670.0), Some(7.2))), "{f:?}");
    assert!(f.contains(&("固定资产投资".into(), Kind::Actual, "上年".into(), Some(331.0), Some(9.5))), "{f:?}");
    // With its year said, the same paragraph is of that year.
    let dated = format!("2017年，{text}");
    assert!(facts(&dated).iter().all(|(_, _, p, _, _)| p == "2017"), "{:?}", facts(&dated));
}

#[test]
fn a_date_line_with_its_time_gives_the_year() {
    // 藁城 2018 (长城网) and 天长 2016: the page's date line with the time after the date —
    // which normalizing joins to the day (`2018-05-2212：36：48`) — is the only year on the page.
    for (head, plan) in [("2018政府工作报告\n\n来源: 长城网综合 作者: 2018-05-22 12:36:48\n", 2018), ("天长市政府工作报告\n    发布时间:2016-03-09 00:00\n", 2016)] {
        let text = format!("{head}\n过去的一年，全年地区生产总值完成670亿元，增长7.2%。");
        let r = analyze(&text);
        assert_eq!((r.meta.review_year, r.meta.plan_year), (Some(plan - 1), Some(plan)), "{head}");
        assert!(facts(&text).iter().all(|(_, _, p, _, _)| *p == (plan - 1).to_string()), "{:?}", facts(&text));
    }
}
