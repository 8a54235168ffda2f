"""Figures: value, unit, year, target and growth, on sentences a reader can check by eye."""

from __future__ import annotations

from decimal import Decimal

from extract_helpers import check_offsets, extract


def test_actual_growth_and_target_figures() -> None:
    ex = extract("2024年，成都市服务贸易进出口额达到1520亿元，同比增长12.6%。"
                 "到2027年，全市服务贸易进出口额力争突破2000亿元。", place="成都市")
    check_offsets(ex)
    figures = {(f.value, f.unit, f.year, f.is_target, f.is_growth): f for f in ex.figures}
    assert set(figures) == {(Decimal("1520"), "亿元", 2024, False, False),
                            (Decimal("12.6"), "%", 2024, False, True),
                            (Decimal("2000"), "亿元", 2027, True, False)}
    assert figures[(Decimal("1520"), "亿元", 2024, False, False)].metric == "服务贸易进出口额"
    assert figures[(Decimal("2000"), "亿元", 2027, True, False)].metric == "服务贸易进出口额"  # not …力争
    for f in ex.figures:
        assert f.about is not None and f.about.key == "成都市"


def test_relative_years_use_the_document_date() -> None:
    (figure,) = extract("今年一季度，全市新增服务贸易企业35家。", place="成都市", date="2025-04-02").figures
    assert (figure.value, figure.unit, figure.year) == (Decimal("35"), "家", 2025)


def test_what_a_text_says_will_happen_is_for_its_own_year_unless_it_recurs() -> None:
    (planned,) = extract("武汉将实现软件业务收入增长10%以上。", place="武汉市", date="2024-03").figures
    assert planned.year == 2024
    (recurring,) = extract("武汉将每年安排专项资金2亿元。", place="武汉市", date="2024-03").figures
    assert recurring.year is None


def test_a_paragraph_that_opens_with_a_plan_is_about_the_texts_year() -> None:
    text = "现代物流产业方面，武汉将增强枢纽功能；集装箱海铁联运量突破235万标准箱。\n\n武汉每年推出创新案例3项。"
    years = {f.value: f.year for f in extract(text, place="武汉市", date="2024-03").figures}
    assert years[Decimal("235")] == 2024
    assert years[Decimal("3")] is None  # a new paragraph, and a yearly figure


def test_a_continuing_sentence_and_recent_news_take_their_year() -> None:
    text = "武汉服务贸易2024年实现进出口额3000亿元。其中，数字服务贸易进出口额836.5亿元。"
    years = {f.value: f.year for f in extract(text, place="武汉市", date="2025-05").figures}
    assert years[Decimal("836.5")] == 2024
    (figure,) = extract("3家企业日前入选示范企业名单。", place="武汉市", date="2025-05").figures
    assert figure.year == 2025


def test_an_event_named_with_its_year_dates_the_figures_beside_it() -> None:
    figures = extract("在2023服贸会“湖北日”推介会上，12个项目集中签约。", place="武汉市", date="2023-09").figures
    assert [(f.value, f.year) for f in figures] == [(Decimal("12"), 2023)]


def test_dates_and_ordinals_are_not_figures() -> None:
    assert extract("第三届服贸会于9月12日开幕，2025年在北京举行。").figures == []


def test_a_number_inside_a_name_is_no_figure() -> None:
    ex = extract("武汉出台服务业发展政策措施“新十条”，3家企业入选中国服务业500强企业。", "武汉市")
    assert [(f.value, f.unit) for f in ex.figures] == [(3, "家")]


def test_a_decline_is_a_negative_rate_and_a_comparison_base_is_no_year() -> None:
    ex = extract("上半年，全市数字服务贸易占比较去年同期提高2.2个百分点；其中数字服务出口301.2亿元，同比下降3.6%。", "武汉市", "2024-07")
    found = {(f.value, f.unit): (f.year, f.is_growth) for f in ex.figures}
    assert found[(Decimal("-3.6"), "%")] == (2024, True)
    assert found[(Decimal("301.2"), "亿元")][0] == 2024  # 较去年同期 is what it is compared with


def test_months_of_this_year_without_a_year() -> None:
    ex = extract("截至6月底，全市累计登记服务外包企业2840家。1—5月，技术进出口合同1126份。", "武汉市", "2024-07")
    assert {(f.value, f.unit, f.year) for f in ex.figures} == {(2840, "家", 2024), (1126, "份", 2024)}


def test_a_period_opens_a_sentence_and_a_paragraph_going_on_with_its_data_keeps_the_year() -> None:
    ex = extract("上半年，全市服务进出口额超过1亿元的企业达到97家；新设立外资服务业企业158家。\n"
                 "分领域看，运输服务进出口额152.3亿元。\n从更广阔视角来看，全球贸易的近90%通过海运完成。", "武汉市", "2024-07")
    found = {(f.value, f.unit): f.year for f in ex.figures}
    assert found[(158, "家")] == 2024 and found[(Decimal("152.3"), "亿元")] == 2024
    assert found[(90, "%")] is None  # a change of view is no continuation of the data


def test_a_stock_held_now_takes_no_year_from_its_paragraph_but_a_target_does() -> None:
    ex = extract("2024年，全市服务贸易进出口额812.6亿元；累计形成服务贸易制度创新案例47项。\n"
                 "到2027年，全市服务贸易进出口额达到1000亿元，累计培育领航企业100家。", "武汉市", "2025-01")
    found = {(f.value, f.unit): f.year for f in ex.figures}
    assert found[(Decimal("812.6"), "亿元")] == 2024 and found[(47, "项")] is None
    assert found[(100, "家")] == 2027


def test_a_span_whose_end_is_not_written_dates_no_figure() -> None:
    ex = extract("2016年跻身中国服务外包示范城市以来，武汉离岸服务外包执行额年均增长18.6%。去年以来，32家企业相继入驻园区。"
                 "今年以来，全市服务贸易进出口额达到120亿元。", place="武汉市", date="2024-06-18")
    years = {(f.value, f.unit): f.year for f in ex.figures}
    assert years[(Decimal("18.6"), "%")] is None
    assert years[(Decimal("32"), "家")] is None
    assert years[(Decimal("120"), "亿元")] == 2024  # 今年以来 runs to now


def test_what_happens_at_the_reported_event_is_in_the_reports_year_unless_a_stock() -> None:
    ex = extract("紧随开幕式举行的重点项目集中签约仪式上，36个服务贸易项目集中签约，协议金额127.6亿元。"
                 "论坛上，刘晓川介绍，三年来累计形成制度创新成果38项。", place="武汉市", date="2023-11-14")
    years = {(f.value, f.unit): f.year for f in ex.figures}
    assert years[(Decimal("127.6"), "亿元")] == 2023
    assert years[(Decimal("38"), "项")] is None
