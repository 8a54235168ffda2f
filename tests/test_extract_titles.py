"""Titles, one rule at a time: when a site is a title conferred (获批, 这一, 作为…), national and
tier titles, their lists and holders (what a name is: test_extract_names.py)."""

from __future__ import annotations

from extract_helpers import extract, mentions, relations


def test_a_site_named_after_a_title_verb_is_a_title() -> None:
    ex = extract("武汉被认定为国家人工智能创新应用先导区，争创中欧班列集结中心。武汉经济技术开发区发展迅速。", "武汉市")
    found = mentions(ex)
    assert found["国家人工智能创新应用先导区"][0] == "PilotProgramme"
    assert found["中欧班列集结中心"][0] == "Designation"
    assert found["武汉经济技术开发区"][0] == "Zone"  # no title verb before it: the site itself


def test_titles_end_at_a_comma_after_the_title_verb() -> None:
    ex = extract("南京软件谷获评省现代服务业集聚示范区，江宁开发区等5个园区入选省重点园区。", "南京市")
    assert mentions(ex)["江宁开发区"][0] == "Zone"


def test_a_second_name_shares_the_national_prefix_of_the_first_and_a_base_being_built_is_a_site() -> None:
    ex = extract("加快国家人力资源服务出口基地和语言服务出口基地建设。", "武汉市")
    # the second base shares the first's national prefix; bases being built are sites, no titles
    assert mentions(ex)["语言服务出口基地"] == ("Base", "国家语言服务出口基地")


def test_a_national_base_is_a_title_unless_it_opens_a_clause_as_the_site_that_acts() -> None:
    found = mentions(extract("武汉商贸服务型国家物流枢纽是华中首个获批建设的国家物流枢纽。"
                             "国家语言服务出口基地获“国际短视频大赛特殊贡献奖”。", "武汉市"))
    assert found["国家物流枢纽"][0] == "Designation"
    assert found["国家语言服务出口基地"][0] == "Base"


def test_a_national_zone_named_by_no_place_is_a_pilot() -> None:
    ex = extract("加快国家人工智能创新应用先导区建设，推动武汉经济技术开发区发展。", "武汉市")
    found = mentions(ex)
    assert found["国家人工智能创新应用先导区"][0] == "PilotProgramme"
    assert found["武汉经济技术开发区"][0] == "Zone"


def test_national_initiatives_come_from_the_programmes_lexicon() -> None:
    ex = extract("武汉深度融入共建“一带一路”，服务乡村振兴战略。", "武汉市")
    found = mentions(ex)
    assert found["一带一路"][0] == "Programme"  # not a road (…路)


def test_a_city_before_a_national_title_holds_it() -> None:
    ex = extract("深入推进武汉市中国软件名城建设。", "武汉市")
    assert mentions(ex)["中国软件名城"][0] == "Designation"


def test_a_level_prefix_opens_a_title_though_its_last_word_stops_names() -> None:
    ex = extract("武汉光谷软件园等9个园区入选省重点服务业园区，初步构建起国家级、省级、市级服务业集聚区梯次发展格局。", "武汉市")
    assert mentions(ex)["省重点服务业园区"][0] == "Designation"
    titles = {min(o, key=len) for s, p, o in relations(ex) if p == "designatedAs"}
    assert titles == {"省重点服务业园区"}  # what follows the comma was not entered


def test_a_titles_list_names_the_title_but_a_list_title_keeps_its_word() -> None:
    ex = extract("武汉墨韵数字出版有限公司等2家企业入选国家文化出口重点企业名单。公布了首批41家“链主”企业名单。"
                 "商务部等4部门公布新一批国家文化出口基地名单。黄鹤楼入选中国世界文化遗产预备名单。", "武汉市")
    found = mentions(ex)
    for title in ("国家文化出口重点企业", "“链主”企业", "国家文化出口基地", "中国世界文化遗产预备名单"):
        assert found[title][0] == "Designation", title
    assert ({"武汉墨韵数字出版有限公司"}, "designatedAs", {"国家文化出口重点企业"}) in relations(ex)


def test_a_tier_title_counts_only_with_a_named_holder() -> None:
    found = mentions(extract("到2027年，建成2个国家级特色服务出口基地。光谷软件园、汉口数字小镇获评省级服务业集聚区。", "武汉市"))
    assert "国家级特色服务出口基地" not in found
    assert found["省级服务业集聚区"][0] == "Designation"


def test_national_titles_kind_titles_with_holders_and_funds() -> None:
    ex = extract("吸引世界500强企业在汉设立总部。斗鱼直播、卷皮科技等独角兽企业快速成长。深化国际消费中心城市创建。"
                 "设立武汉市服务贸易创新发展引导基金。", "武汉市")
    found = mentions(ex)
    assert found["世界500强企业"][0] == "Designation" and found["国际消费中心城市"][0] == "Designation"
    assert found["独角兽企业"][0] == "Designation"
    assert ({"斗鱼直播"}, "designatedAs", {"独角兽企业"}) in relations(ex)
    assert found["武汉市服务贸易创新发展引导基金"][0] == "Organization"
    assert "独角兽企业" not in mentions(extract("培育独角兽企业，壮大市场主体。", "武汉市"))  # a kind, no holder


def test_a_quoted_suffix_and_a_joined_kind_belong_to_the_title() -> None:
    ex = extract("斗鱼科技、卷皮科技等5家企业入选中国软件和信息技术服务业综合竞争力“百强”。", "武汉市")
    title = "中国软件和信息技术服务业综合竞争力“百强”"
    assert mentions(ex)[title][0] == "Designation"
    assert any(p == "designatedAs" and "斗鱼科技" in s for s, p, o in relations(ex))
    ex = extract("建设国际金融中心和国际航运中心。", "武汉市")  # two names, not one
    assert "国际金融中心和国际航运中心" not in mentions(ex)


def test_recognition_verbs_end_names_and_a_quoted_label_opens_one() -> None:
    ex = extract("武汉楚风动漫科技有限公司等4家企业荣膺国家文化出口重点企业，“楚韵之礼”数字文创海外推广项目入列"
                 "2021—2022年度国家文化出口重点项目。武汉楚声文化传媒有限公司的项目被纳入2022年度湖北省文化贸易重点项目名单。", "武汉市")
    found = mentions(ex)
    assert "“楚韵之礼”数字文创海外推广项目" in found and "企业荣膺国家文化出口重点企业" not in found
    assert found["国家文化出口重点项目"][0] == "Designation"  # the edition year is no part of the title
    held = {(min(s, key=len), min(o, key=len)) for s, p, o in relations(ex) if p == "designatedAs"}
    assert {("武汉楚风动漫科技有限公司", "国家文化出口重点企业"), ("楚韵之礼数字文创海外推广项目", "国家文化出口重点项目")} <= held
    assert not any(n.startswith("“十四五”") for n in mentions(extract("“十四五”期间海外推广项目获奖。", "武汉市")))


def test_district_sub_areas_are_places_and_a_national_base_at_work_is_a_site() -> None:
    found = mentions(extract("武昌滨江片区、江汉西北湖片区等城市更新区域发展商务服务。武汉片区依托武汉东湖综合保税区。"
                             "发挥国家数字服务出口基地作用；武汉经开区获评国家文化出口基地。", "武汉市"))
    assert found["武昌滨江片区"][0] == "Place" and found["江汉西北湖片区"][0] == "Place"
    assert found["武汉片区"][0] == "Zone"  # a city's share of a free trade zone
    assert found["国家数字服务出口基地"][0] == "Base"
    assert found["国家文化出口基地"][0] == "Designation"
