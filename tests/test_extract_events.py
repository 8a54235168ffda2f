"""Relations at events (kg/extract/event_orders.py and the event rules): organisers, venues, who takes
part at a scene, the events a fair holds."""

from __future__ import annotations

from extract_helpers import extract, mentions, relations, short_relations
from kg.resolve import normalise


def test_an_event_held_within_a_fair_is_part_of_it() -> None:
    ex = extract("9月5日，服贸会举行了湖北服务贸易主题推介会。在湖北省政府主办的2024服贸会“湖北日”暨招商推介会上，10个项目签约。", "武汉市")
    found = relations(ex)
    assert ({"湖北服务贸易主题推介会"}, "partOf", {"中国国际服务贸易交易会", "服贸会"}) in [
        (s, p, o & {"中国国际服务贸易交易会", "服贸会"}) for s, p, o in found]
    assert any(p == "partOf" and "2024服贸会湖北日暨招商推介会" in s and "中国国际服务贸易交易会" in o for s, p, o in found)
    assert not any(p == "partOf" and s & o for s, p, o in found)  # 2021年中国国际服务贸易交易会 is no part of itself


def test_organisers_without_you_and_operators_after_you() -> None:
    ex = extract("本届汉交会由湖北省人民政府主办，长江日报集团、湖北广电集团承办。", "武汉市")
    organisers = {min(o, key=len) for s, p, o in relations(ex) if p == "organizedBy"}
    assert {"湖北省人民政府", "长江日报集团", "湖北广电集团"} <= organisers
    ex = extract("武汉上线“汉贸通”平台。该平台由武汉文化产权交易所运营，已服务企业3400余家。", "武汉市")
    assert any(p == "operates" and "武汉文化产权交易所" in s and any("汉贸通" in n for n in o)
               for s, p, o in relations(ex))
    ex = extract("由市商务局指导、武汉数贸服务有限公司建设运营的“汉贸通”平台上线。", "武汉市")
    operators = {min(s, key=len) for s, p, o in relations(ex) if p == "operates"}
    assert operators == {"武汉数贸服务有限公司"}  # the guiding bureau operates nothing


def test_the_list_before_deng_takes_part_not_the_modifier_after_it() -> None:
    text = "第五届数字贸易博览会开幕。斗鱼科技、卷皮科技、小药药等武汉代表性企业亮相。"
    participants = {min(s, key=len) for s, p, o in relations(extract(text, "武汉市")) if p == "participatesIn"}
    assert {"斗鱼科技", "卷皮科技"} <= participants and "武汉" not in participants


def test_a_place_that_holds_a_meeting_and_a_body_that_holds_one() -> None:
    ex = extract("成都在3月召开的加快数字贸易高质量发展大会上明确，要推进服务业转型升级。武汉将举办2025数字贸易创新发展与合作大会。"
                 "在国务院新闻办公室日前举行的“推动高质量发展”系列主题新闻发布会上，上海介绍了产业体系。", "武汉市")
    assert mentions(ex)["加快数字贸易高质量发展大会"][0] == "Event"  # after 召开的 the verb opens the name
    found = short_relations(ex)
    assert ("加快数字贸易高质量发展大会", "heldIn", "成都") in found
    assert ("数字贸易创新发展与合作大会", "heldIn", "武汉") in found
    assert ("推动高质量发展系列主题新闻发布会", "organizedBy", "国务院新闻办公室") in found


def test_a_place_after_zai_is_a_venue_not_an_organiser() -> None:
    ex = extract("在北京举办的数字贸易论坛上，武汉签约8个项目。服贸会在北京举行，数字贸易论坛同期开幕。", "武汉市")
    found = short_relations(ex)
    assert ("数字贸易论坛", "heldIn", "北京") in found
    assert not [r for r in found if r[1] == "organizedBy"]
    assert ("服贸会", "heldIn", "北京") in found and len([r for r in found if r[1] == "heldIn"]) == 2


def test_unnamed_participants_are_not_the_names_before_them() -> None:
    found = {(min(s, key=len), p, min(o, key=len)) for s, p, o in relations(extract(
        "本届洽谈会吸引了来自日本、韩国等22个国家和地区的580余家企业参展。市商务局组织企业参加中国国际服务贸易交易会。"
        "洽谈会同期举办的2019武汉服务外包人才专场招聘会吸引了86家企业，武汉大学、华中科技大学等23所高校组织4000余名毕业生参加。",
        "武汉市")) if p == "participatesIn"}
    assert found == {("武汉大学", "participatesIn", "2019武汉服务外包人才专场招聘会"),
                     ("华中科技大学", "participatesIn", "2019武汉服务外包人才专场招聘会")}


def test_a_bilateral_forum_its_organisers_and_its_venue() -> None:
    ex = extract("2019中国（武汉）国际服务外包合作洽谈会在武汉世界博览广场开幕。"
                 "其中，中日服务外包合作论坛由武汉市商务局与日本贸易振兴机构武汉代表处共同主办。", "武汉市")
    found = short_relations(ex)
    assert ("中国(武汉)国际服务外包合作洽谈会", "heldIn", "武汉世界博览广场") in found
    assert {("中日服务外包合作论坛", "organizedBy", "武汉市商务局"),
            ("中日服务外包合作论坛", "organizedBy", "日本贸易振兴机构武汉代表处")} <= found


def test_a_body_that_holds_a_meeting_and_a_document_issued_by_a_body_after_you() -> None:
    ex = extract("武汉市商务局举办服务贸易政策专题培训会。《武汉市服务贸易发展规划》由武汉市人民政府办公厅印发。"
                 "武汉市商务局印发《武汉市数字贸易行动计划》。", "武汉市")
    found = short_relations(ex)
    assert {("服务贸易政策专题培训会", "organizedBy", "武汉市商务局"),
            ("武汉市服务贸易发展规划", "issuedBy", "武汉市人民政府办公厅"),
            ("武汉市数字贸易行动计划", "issuedBy", "武汉市商务局")} <= found
    assert ("武汉市服务贸易发展规划", "issuedBy", "武汉市商务局") not in found  # no 由: no earlier document


def test_a_sentence_opening_at_an_event_named_before_takes_part_in_it() -> None:
    ex = extract("2025粤港澳大湾区数字文化贸易论坛在武汉举行。论坛上，武汉文化产权交易所与武汉数字出版集团签署合作备忘录。", "武汉市")
    found = {(min(s, key=len), p, min(o, key=len)) for s, p, o in relations(ex) if p == "participatesIn"}
    assert found == {("武汉文化产权交易所", "participatesIn", "粤港澳大湾区数字文化贸易论坛"),
                     ("武汉数字出版集团", "participatesIn", "粤港澳大湾区数字文化贸易论坛")}


def test_an_event_named_after_the_texts_own_fair_is_part_of_it_and_has_its_short_name() -> None:
    ex = extract("第三届中国（武汉）服务贸易博览会（以下简称“武服会”）在武汉开幕。武服会“楚才出海”数字服务专场推介会"
                 "在武汉国际博览中心举行。", "武汉市")
    short = normalise("“楚才出海”数字服务专场推介会")
    assert any(p == "partOf" and short in s and "武服会" in o for s, p, o in relations(ex))


def test_who_signs_at_an_unnamed_ceremony_takes_part_in_the_fair_named_before() -> None:
    ex = extract("第三届中部服务贸易博览会在武汉开幕。在5月19日举行的开幕式暨重大项目签约仪式上，武汉光谷数智科技有限公司与"
                 "新加坡云桥数据有限公司签署合作协议；武汉楚天物流有限公司与老挝万象物流集团有限公司签订物流协议。"
                 "武汉江城医药有限公司在展会上发布了新产品。", "武汉市")
    assert "开幕式暨重大项目签约仪式" not in mentions(ex)  # a moment of the fair, no event of its own name
    takers = {s for s, p, o in short_relations(ex) if p == "participatesIn" and o == "中部服务贸易博览会"}
    assert takers == {"武汉光谷数智科技有限公司", "新加坡云桥数据有限公司", "武汉楚天物流有限公司",
                      "老挝万象物流集团有限公司", "武汉江城医药有限公司"}


def test_events_held_during_a_fair_are_its_own() -> None:
    found = short_relations(extract("第三届中国（武汉）服务贸易博览会（以下简称“武服会”）开幕。武服会期间，2025长江中游服务贸易论坛、"
                           "“智汇光谷”数字经济对接会等8场配套活动同期举行。", "武汉市"))
    parts = {s for s, p, o in found if p == "partOf" and o == "武服会"}
    assert {"长江中游服务贸易论坛", normalise("“智汇光谷”数字经济对接会")} <= {s.removeprefix("2025") for s in parts}


def test_a_scene_carries_into_the_sentence_its_figures_open_and_speakers_act_for_their_bodies() -> None:
    found = short_relations(extract(
        "11月13日，第三届中部服务贸易博览会在位于洪山区的武汉国际会展中心落下帷幕。开幕当天，湖北省商务厅副厅长李卫东在致辞中介绍了全省情况。"
        "紧随开幕式举行的重点项目集中签约仪式上，36个项目集中签约。其中，武汉市商务局与老挝国家工商会签署合作备忘录；"
        "武汉云数科技有限公司与泰国暹罗数码集团签订跨境云服务合作协议。展会期间，2023长江数字服务合作论坛等9场配套活动穿插进行。"
        "11月11日，2023长江数字服务合作论坛在武汉召开，中国服务外包研究中心在会上发布了报告。", "武汉市"))
    fair = "中部服务贸易博览会"
    takers = {s for s, p, o in found if p == "participatesIn" and o == fair}
    assert {"李卫东", "武汉市商务局", "老挝国家工商会", "武汉云数科技有限公司", "泰国暹罗数码集团"} <= takers
    assert ("武汉云数科技有限公司", "cooperatesWith", "泰国暹罗数码集团") in found
    assert ("武汉国际会展中心", "locatedIn", "洪山区") in found and (fair, "heldIn", "武汉国际会展中心") in found
    assert ("长江数字服务合作论坛", "partOf", fair) in {(s.removeprefix("2023"), p, o) for s, p, o in found}
    assert ("中国服务外包研究中心", "participatesIn", "2023长江数字服务合作论坛") in found \
        or ("中国服务外包研究中心", "participatesIn", "长江数字服务合作论坛") in found
    assert not any("签约仪式" in s or "签约仪式" in o for s, p, o in found)


def test_two_lists_joined_by_yiji_both_act_and_a_scene_carries_across_a_paragraph() -> None:
    found = short_relations(extract(
        "第三届中部服务贸易博览会在武汉开幕。在博览会数字服务展区，武汉星海软件股份有限公司、武汉海创数据服务有限公司等本地龙头企业，"
        "以及日本樱川信息系统株式会社等境外企业携最新产品亮相。开幕式上举行了重点项目集中签约仪式，共签约项目42个。\n\n"
        "其中，武汉高新区管委会与港信国际控股有限公司签署投资协议。", "武汉市"))
    takers = {s for s, p, o in found if p == "participatesIn" and o == "中部服务贸易博览会"}
    assert {"武汉星海软件股份有限公司", "武汉海创数据服务有限公司", "日本樱川信息系统株式会社", "港信国际控股有限公司"} <= takers


def test_a_by_inside_a_name_is_no_agent_marker_and_a_fairs_events_follow_its_period() -> None:
    found = short_relations(extract(
        "第三届中部服务贸易博览会在武汉开幕。作为博览会系列活动之一，2021中部服务贸易合作对接会在武汉举行。对接会由武汉市商务局和"
        "中国（湖北）自由贸易试验区武汉片区管理委员会（以下简称“武汉片区管委会”）联合主办。大会期间还将陆续举办中日韩数字服务合作论坛等6场专题活动。",
        "武汉市"))
    organisers = {o for s, p, o in found if p == "organizedBy"}
    assert "武汉市商务局" in organisers and any("管委会" in o or "管理委员会" in o for o in organisers)
    assert any(p == "partOf" and s == "中日韩数字服务合作论坛" for s, p, o in found)


def test_signing_conferences_are_events_and_unveiling_at_them_is_taking_part() -> None:
    found = short_relations(extract("5月16日，2024武汉服务外包产业合作签约大会在武汉国际博览中心举行。大会上，"
                                    "市商务局副局长周文涛为“汉贸通”平台二期揭牌。", "武汉市"))
    assert ("武汉服务外包产业合作签约大会", "heldIn", "武汉国际博览中心") in found
    assert ("周文涛", "participatesIn", "武汉服务外包产业合作签约大会") in found


def test_a_place_s_booth_is_its_taking_part_and_a_headline_uses_the_defined_short_name() -> None:
    ex = extract("荆楚服博会在武汉启幕\n\n2021中国（湖北）服务贸易博览会（以下简称“荆楚服博会”）在武汉开幕。展馆内，武汉展区集中展示了建设成果。"
                 "副市长古丽娜·艾力出席开幕式。", "武汉市")
    found = short_relations(ex)
    assert ("武汉", "participatesIn", "荆楚服博会") in found
    assert "服博会" not in mentions(ex)  # the headline's 荆楚服博会 is the fair, not a fragment of it
    assert mentions(ex)["古丽娜·艾力"][0] == "Person"


def test_a_fair_named_a_paragraph_before_is_where_exhibitors_appear() -> None:
    text = ("2021中国（湖北）服务贸易博览会在武汉国际博览中心开幕。本届博览会由湖北省商务厅、武汉市人民政府联合主办，"
            "武汉市商务局、武汉经济技术开发区管理委员会承办，湖北省服务贸易协会协办。\n\n"
            "展馆内，武汉国际陆港区、武汉综合保税区、武汉东湖综合保税区、武汉新港空港综合保税区、武汉经开综合保税区、"
            "光谷软件园和汉口数字服务中心集中展示建设成果。"
            "武汉天山云数据服务有限公司携“丝路云译”多语种翻译平台亮相。")
    found = short_relations(extract(text, "武汉市"))
    assert ("武汉天山云数据服务有限公司", "participatesIn", normalise("2021中国（湖北）服务贸易博览会")) in found \
        or ("武汉天山云数据服务有限公司", "participatesIn", normalise("中国（湖北）服务贸易博览会")) in found


def test_a_city_convening_a_meeting_holds_it_but_a_body_s_meeting_is_not_placed_by_default() -> None:
    found = short_relations(extract("3月5日，商务部召开2025年服务贸易工作会议。今年以来，武汉动作频频，召开全市服务业高质量发展大会。", "武汉市"))
    assert not any(p == "heldIn" and "服务贸易工作会议" in s for s, p, o in found)
    assert any(p == "heldIn" and s.endswith("服务业高质量发展大会") for s, p, o in found)


def test_an_online_fair_named_by_a_quoted_label_is_an_event_with_its_hosts_and_schools() -> None:
    found = short_relations(extract("5月28日，“云聘江城”服务外包人才线上招聘会举办，由市商务局主办、湖北省服务外包协会协办，"
                                    "武汉学院、湖北工商学院等11所院校参加。", "武汉市"))
    fair = normalise("“云聘江城”服务外包人才线上招聘会")
    assert (fair, "organizedBy", "湖北省服务外包协会") in found
    assert ("武汉学院", "participatesIn", fair) in found


def test_hosts_named_in_a_you_phrase_host_the_event_after_it_not_the_fair_before() -> None:
    found = short_relations(extract("2024中国中部投资贸易博览会（以下简称“中博会”）在武汉开幕。中博会期间，由湖北省商务厅、武汉市人民政府共同主办的"
                                    "2024数字服务贸易发展论坛在武汉国际会议中心同期举办。", "武汉市"))
    assert any(p == "organizedBy" and o == "湖北省商务厅" and s.endswith("数字服务贸易发展论坛") for s, p, o in found)
    assert not any(p == "organizedBy" and s == "中博会" for s, p, o in found), found


def test_a_secretariat_named_after_an_organisation_hosts_in_its_own_name() -> None:
    found = short_relations(extract("中国—东盟博览会由商务部与东盟10国经贸主管部门及东盟秘书处共同主办。", "南宁市"))
    assert ("中国—东盟博览会", "organizedBy", "东盟秘书处") in found
    assert not any(p == "organizedBy" and o in ("东盟", "东南亚国家联盟") for s, p, o in found)


def test_joint_hosts_before_the_verb_and_hosts_listed_before_a_shared_de() -> None:
    ex = extract("当天下午，湖北省商务厅与武汉市人民政府还联合举办了2019湖北服务贸易投资推介会。"
                 "每年举办由市政府主办、市商务局和东湖高新区管委会承办的武汉国际数字贸易创新发展大会。", "武汉市")
    hosts: dict[str, set[str]] = {}
    for s, p, o in relations(ex):
        if p == "organizedBy":
            hosts.setdefault(min(s, key=len), set()).update(o)
    assert {"湖北省商务厅", "武汉市人民政府"} <= hosts["湖北服务贸易投资推介会"]
    assert {"武汉市人民政府", "武汉市商务局", "东湖高新区管委会"} <= hosts["武汉国际数字贸易创新发展大会"]
