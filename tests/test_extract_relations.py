"""Relations, one rule at a time, on sentences whose answer a reader can check by eye: where sites are,
titles, reliance, partnerships, parts (events: test_extract_events.py; topics and anaphors:
test_extract_discourse.py)."""

from __future__ import annotations

import pytest

from extract_helpers import extract, mentions, relations, short_relations
from kg.resolve import normalise


def test_sites_a_city_has_and_sites_that_land_are_located_in_it() -> None:
    ex = extract("武汉还有光谷软件园、汉口数字服务中心等3家省级数字服务出口基地。武汉将推动国家计量数据中心落地。", "武汉市")
    located = {(min(s, key=len), min(o, key=len)) for s, p, o in relations(ex) if p == "locatedIn"}
    assert {("光谷软件园", "武汉"), ("汉口数字服务中心", "武汉"), ("国家计量数据中心", "武汉")} <= located


def test_a_site_listed_places_hold_is_their_title() -> None:
    ex = extract("加强与郑州、西安等国家物流枢纽城市合作。", "武汉市")
    assert mentions(ex)["国家物流枢纽"][0] == "Designation"
    holders = {min(s, key=len) for s, p, o in relations(ex) if p == "designatedAs"}
    assert {"郑州", "西安"} <= holders


def test_what_yituo_governs_is_the_name_right_after_it() -> None:
    ex = extract("依托国家物流枢纽，建设链接上海合作组织国家的商贸物流基地。", "武汉市")
    assert not [r for r in relations(ex) if r[1] == "reliesOn" and "上海合作组织" in r[0]]
    ex = extract("依托东湖高新区，建设链接上海合作组织国家的商贸物流基地。", "武汉市")
    assert not [r for r in relations(ex) if r[1] == "reliesOn" and "上海合作组织" in r[0]]


def test_cities_are_not_what_is_built_on_a_base() -> None:
    ex = extract("依托武汉新港，建设郑州、西安等内陆港。", "武汉市")
    assert not [r for r in relations(ex) if r[1] == "reliesOn" and r[0] & {"郑州", "郑州市", "西安", "西安市"}]


@pytest.mark.parametrize("text, place, expected", [
    ("商务部印发《服务贸易发展规划》。", None, ("服务贸易发展规划", "issuedBy", "商务部")),
    ("市商务局印发《成都市服务贸易高质量发展行动方案》。", "成都市", ("成都市服务贸易高质量发展行动方案", "issuedBy", "成都市商务局")),
    ("四川长虹电器股份有限公司入选国家文化出口重点企业。", None, ("四川长虹电器股份有限公司", "designatedAs", "国家文化出口重点企业")),
    ("成都天府软件园依托中国（四川）自由贸易试验区发展数字服务。", "成都市", ("成都天府软件园", "reliesOn", "中国（四川）自由贸易试验区")),
    ("阿里巴巴集团控股有限公司推出“速卖通”平台。", None, ("阿里巴巴集团控股有限公司", "operates", "“速卖通”平台")),
    ("第三届全球数字贸易博览会在杭州举行。", None, ("全球数字贸易博览会", "heldIn", "杭州")),
])
def test_relation_from_a_trigger(text: str, place: str | None, expected: tuple[str, str, str]) -> None:
    found = relations(extract(text, place=place))
    subject, predicate, obj = expected
    assert any(normalise(subject) in s and p == predicate and normalise(obj) in o for s, p, o in found), found


def test_a_title_is_held_not_taken_part_in() -> None:
    ex = extract("武汉企业亮相国家级重点展会，获评5项服贸会“服务示范案例”。", "武汉市")
    assert not [r for r in relations(ex) if r[1] == "participatesIn" and any("示范案例" in n for n in r[2])]


def test_what_is_built_in_a_place_and_what_a_park_gathers_are_located_there() -> None:
    ex = extract("在江汉区规划建设江汉数字贸易产业园，打造新高地。", "武汉市")
    assert ({"江汉数字贸易产业园"}, "locatedIn", {"江汉区"}) in relations(ex)
    ex = extract("武汉光谷软件园正成为数字内容企业的集聚地。园区集聚了斗鱼科技、卷皮科技等160多家企业。", "武汉市")
    hosts = {(min(s, key=len), min(o, key=len)) for s, p, o in relations(ex) if p == "locatedIn"}
    assert {("斗鱼科技", "武汉光谷软件园"), ("卷皮科技", "武汉光谷软件园")} <= hosts


def test_what_stands_before_zheyi_is_a_name_holding_the_title_after_it() -> None:
    ex = extract("东湖高新区依托光谷软件园这一国家数字服务出口基地，发展软件信息服务。", "武汉市")
    found = mentions(ex)
    assert found["光谷软件园"][0] == "Park"
    assert found["国家数字服务出口基地"][0] == "Designation"
    assert ({"光谷软件园"}, "designatedAs", {"国家数字服务出口基地"}) in relations(ex)


def test_a_venue_is_whatever_stands_between_zai_and_the_holding_verb() -> None:
    ex = extract("2025长江数字文化贸易论坛同期在汉口国际会议中心举行。", "武汉市")
    assert mentions(ex)["汉口国际会议中心"][0] == "Place"
    assert any(p == "heldIn" and "汉口国际会议中心" in o for s, p, o in relations(ex))


def test_a_government_body_is_not_designated() -> None:
    ex = extract("3个项目入选商务部“千帆出海”计划，汉阳工艺品厂等3家企业入选国家文化出口重点企业。", "武汉市")
    holders = {min(s, key=len) for s, p, o in relations(ex) if p == "designatedAs"}
    assert "商务部" not in holders and "汉阳工艺品厂" in holders


def test_counted_things_are_designated_not_the_city() -> None:
    ex = extract("武汉创新不停，8个案例入选服贸会全国“服务示范案例”。", "武汉市")
    assert not [r for r in relations(ex) if r[1] == "designatedAs" and "武汉市" in r[0]]
    ex = extract("武汉获批全面深化服务贸易创新发展试点。", "武汉市")
    assert [r for r in relations(ex) if r[1] == "designatedAs" and "武汉市" in r[0]]


def test_no_relation_without_a_trigger() -> None:
    assert relations(extract("商务部和《服务贸易发展规划》。四川长虹电器股份有限公司，国家文化出口重点企业。")) == []


def test_an_adverb_before_a_recognition_verb_is_no_part_of_the_holder() -> None:
    ex = extract("武汉市成功获批国家服务外包示范城市。", "武汉市")
    assert "武汉市成功" not in mentions(ex)
    assert ({"武汉市"}, "designatedAs", {"国家服务外包示范城市"}) in [(s & {"武汉市"}, p, o) for s, p, o in relations(ex)]


def test_a_title_held_in_passing_with_zuowei() -> None:
    found = {(min(s, key=len), p, min(o, key=len)) for s, p, o in relations(extract(
        "武汉市作为全国首批服务贸易创新发展试点城市之一，持续推进改革。作为重要平台，该中心发挥作用。", "武汉市"))}
    assert ("武汉市", "designatedAs", "全国首批服务贸易创新发展试点城市") in found
    assert len([r for r in found if r[1] == "designatedAs"]) == 1


def test_a_registered_company_is_a_name_whatever_its_words() -> None:
    ex = extract("总部位于武汉的斗鱼网络科技有限公司积极拓展海外市场。一家科技有限公司也参展。", "武汉市")
    assert mentions(ex)["斗鱼网络科技有限公司"][0] == "Enterprise"
    assert ({"斗鱼网络科技有限公司"}, "locatedIn", {"武汉市", "武汉"}) in [(s, p, o & {"武汉市", "武汉"}) for s, p, o in relations(ex)]
    assert not [m for m in mentions(ex) if m.endswith("科技有限公司") and m != "斗鱼网络科技有限公司"]


def test_partners_after_a_conjunction_each_cooperate_and_unnamed_ones_do_not() -> None:
    found = {(min(s, key=len), p, min(o, key=len)) for s, p, o in relations(extract(
        "加强与港交所、新交所等境外交易所的合作。加强与太原、西安等城市合作。"
        "武汉光谷数字科技有限公司与德国施泰因数字工程有限公司签署战略合作协议。"
        "斗鱼直播则与阿联酋一家游戏发行商达成代理合作。双方将在图书印制和欧洲发行渠道上开展合作。", "武汉市")) if p == "cooperatesWith"}
    assert {("武汉市", "cooperatesWith", "港交所"), ("武汉市", "cooperatesWith", "新交所"), ("武汉市", "cooperatesWith", "太原"),
            ("武汉市", "cooperatesWith", "西安"),
            ("武汉光谷数字科技有限公司", "cooperatesWith", "德国施泰因数字工程有限公司")} == found


def test_a_joint_act_of_another_predicate_is_no_partnership() -> None:
    found = {(min(s, key=len), p, min(o, key=len)) for s, p, o in relations(extract(
        "论坛由武汉市人民政府和香港贸易发展局联合主办。市商务局会同市发展改革委近日印发了《武汉市服务贸易行动计划》。"
        "会同国家统计局武汉调查队、武汉海关建立健全统计监测体系。", "武汉市"))}
    cooperations = {(s, o) for s, p, o in found if p == "cooperatesWith"}
    assert cooperations == {("武汉市", "国家统计局武汉调查队"), ("武汉市", "武汉海关")}


def test_a_container_named_only_inside_a_name_is_no_entity() -> None:
    ex = extract("中国（湖北）自由贸易试验区武汉片区集聚企业。博鳌亚洲论坛全球健康论坛大会在武汉举行。", "武汉市")
    assert "中国（湖北）自由贸易试验区" not in {m.key for m in ex.mentions}
    assert not [r for r in relations(ex) if r[1] == "partOf"]
    ex = extract("中国（湖北）自由贸易试验区武汉片区是中国（湖北）自由贸易试验区的核心。", "武汉市")
    assert any(p == "partOf" and normalise("中国（湖北）自由贸易试验区") in o for s, p, o in relations(ex))


def test_a_body_before_its_quoted_programme_issued_it() -> None:
    found = relations(extract("3个项目入选商务部“千帆出海”计划。", "武汉市"))
    assert any(p == "issuedBy" and "千帆出海计划" in s and "商务部" in o for s, p, o in found)


def test_a_title_after_a_batch_word_is_held_and_words_in_an_alias_definition_trigger_nothing() -> None:
    ex = extract("武汉经济技术开发区（以下简称“武汉开发区”）于2020年入选首批国家数字服务出口基地。", "武汉市")
    assert mentions(ex)["国家数字服务出口基地"][0] == "Designation"
    found = short_relations(ex)
    assert found == {("武汉开发区", "designatedAs", "国家数字服务出口基地")}  # no 开发 (operates) in the alias


def test_a_bid_for_a_national_title_names_the_title_not_a_site() -> None:
    ex = extract("支持东湖高新区依托光谷软件园等载体，积极创建国家数字服务出口基地。", "武汉市")
    assert mentions(ex)["国家数字服务出口基地"][0] == "Designation"
    assert not [r for r in relations(ex) if r[1] in ("operates", "designatedAs")]


def test_operators_are_agents_and_what_they_run_may_follow_de() -> None:
    found = {(min(s, key=len), p, min(o, key=len)) for s, p, o in relations(extract(
        "武汉秦淮产业园集聚企业。由市商务局指导、武汉宁云数字科技有限公司建设运营的“汉贸云”服务贸易公共服务平台正式上线。"
        "支持东湖高新区打造光谷金融服务外包集聚区。生态城内的国家动漫园由武汉文旅投资集团有限公司投资建设并负责运营。", "武汉市"))
        if p == "operates"}
    assert found == {("武汉宁云数字科技有限公司", "operates", "汉贸云服务贸易公共服务平台"),
                     ("武汉文旅投资集团有限公司", "operates", "国家动漫园")}


def test_listed_on_a_title_named_before_and_an_eco_city_zone() -> None:
    ex = extract("在商务部等4部门公布的新一批国家文化出口基地名单中，中新武汉生态城（以下简称“生态城”）榜上有名。"
                 "中新武汉生态城位于蔡甸区。生态城将依托国家动漫园发展。武汉海河文创港集聚企业。", "武汉市")
    assert mentions(ex)["中新武汉生态城"][0] == "Zone" and mentions(ex)["武汉海河文创港"][0] == "Park"
    found = short_relations(ex)
    assert {("生态城", "designatedAs", "国家文化出口基地"), ("生态城", "locatedIn", "蔡甸区"),
            ("生态城", "reliesOn", "国家动漫园")} <= found


def test_more_ways_to_say_where_a_site_is_who_takes_part_and_what_one_relies_on() -> None:
    ex = extract("东湖高新区内的光谷软件园已集聚企业300余家。光谷软件园集聚了斗鱼网络科技有限公司、武汉卷皮科技有限公司等企业。"
                 "武汉云图科技有限公司入驻光谷软件园。在服贸会上，武汉光谷数字科技有限公司发布了“楚贸通”跨境服务平台。"
                 "武汉长江传媒集团在第十九届中国（深圳）国际文化产业博览交易会上签约12个项目。武汉市以东湖综合保税区为依托，发展保税研发。"
                 "商务部认定光谷软件园为国家数字服务出口基地。斗鱼网络科技有限公司总部设在武汉。建设大型产业园。", "武汉市")
    found = short_relations(ex)
    assert {("光谷软件园", "locatedIn", "东湖高新区"), ("斗鱼网络科技有限公司", "locatedIn", "光谷软件园"),
            ("武汉卷皮科技有限公司", "locatedIn", "光谷软件园"), ("武汉云图科技有限公司", "locatedIn", "光谷软件园"),
            ("武汉光谷数字科技有限公司", "participatesIn", "服贸会"), ("武汉", "reliesOn", "东湖综合保税区"),
            ("光谷软件园", "designatedAs", "国家数字服务出口基地"), ("斗鱼网络科技有限公司", "locatedIn", "武汉")} <= found
    assert any(p == "participatesIn" and s == "武汉长江传媒集团" for s, p, o in found)
    assert "大型产业园" not in mentions(ex)


def test_alias_asides_join_lists_and_the_clause_opener_acts_on() -> None:
    ex = extract("武汉星动漫科技有限公司（以下简称“星动漫”）和武汉北洋游戏科技有限公司（以下简称“北洋游戏”）均入驻武汉海河文创港。"
                 "武汉开发区内的武汉泰达软件园集聚软件企业600余家，其中武汉云图数据技术有限公司承接订单。"
                 "今年，武汉海河文创港又上线了“海河文创出海服务站”，联合武汉大学、华中科技大学等高校提供服务。", "武汉市")
    found = short_relations(ex)
    assert {("星动漫", "locatedIn", "武汉海河文创港"), ("北洋游戏", "locatedIn", "武汉海河文创港"),
            ("武汉云图数据技术有限公司", "locatedIn", "武汉泰达软件园"),
            ("武汉海河文创港", "cooperatesWith", "武汉大学"), ("武汉海河文创港", "cooperatesWith", "华中科技大学")} <= found


def test_listed_exhibitors_a_title_word_registration_and_jiezhu() -> None:
    ex = extract("武汉长江数字传媒有限公司组团参加第十九届中国（深圳）国际文化产业博览交易会。"
                 "参展企业包括武汉云图科技有限公司、武汉天喻信息产业股份有限公司等。"
                 "武汉华中数控股份有限公司荣获“武汉市服务贸易十强企业”称号。武汉卓尔控股有限公司借助东湖综合保税区开展保税研发。"
                 "武汉云端科技有限公司在东湖高新区注册成立。", "武汉市")
    found = short_relations(ex)
    fair = "中国(深圳)国际文化产业博览交易会"
    assert {("武汉云图科技有限公司", "participatesIn", fair), ("武汉天喻信息产业股份有限公司", "participatesIn", fair),
            ("武汉华中数控股份有限公司", "designatedAs", "武汉市服务贸易十强企业"),
            ("武汉卓尔控股有限公司", "reliesOn", "东湖综合保税区"), ("武汉云端科技有限公司", "locatedIn", "东湖高新区")} <= found


def test_who_leads_or_builds_a_project_and_no_look_back_across_sentences() -> None:
    ex = extract("该项目由武汉长江传媒集团牵头实施。武汉光谷数字科技有限公司牵头实施“数字丝路”文化出海项目。"
                 "武汉市以东湖高新区为基础，建设集聚区。武汉云图科技有限公司承建了“汉贸通”公共服务平台。", "武汉市")
    found = short_relations(ex)
    assert {("武汉光谷数字科技有限公司", "operates", "数字丝路文化出海项目"), ("武汉市", "reliesOn", "东湖高新区"),
            ("武汉云图科技有限公司", "operates", "汉贸通公共服务平台")} <= found
    assert ("武汉云图科技有限公司", "operates", "数字丝路文化出海项目") not in found  # 由 of another sentence


def test_respectively_pairs_holders_and_titles_and_more_naming_verbs() -> None:
    ex = extract("武汉光谷软件园和武汉汉口数字小镇分别入选国家数字服务出口基地和国家文化出口基地。"
                 "武汉软件新城被列为省级服务业集聚区。武汉斗鱼网络科技有限公司被确定为国家文化出口重点企业。", "武汉市")
    found = {(min(s, key=len), p, min(o, key=len)) for s, p, o in relations(ex) if p == "designatedAs"}
    assert found == {("武汉光谷软件园", "designatedAs", "国家数字服务出口基地"),
                     ("武汉汉口数字小镇", "designatedAs", "国家文化出口基地"),
                     ("武汉软件新城", "designatedAs", "省级服务业集聚区"),
                     ("武汉斗鱼网络科技有限公司", "designatedAs", "国家文化出口重点企业")}


def test_what_is_built_relying_on_something_is_not_what_relies() -> None:
    found = {(min(s, key=len), p, min(o, key=len)) for s, p, o in relations(extract(
        "依托武汉大学、武汉理工大学建设数字贸易人才实训基地。", "武汉市")) if p in ("reliesOn", "operates")}
    assert found == {("武汉市", "reliesOn", "武汉大学"), ("武汉市", "reliesOn", "武汉理工大学")}


def test_a_document_issued_with_no_issuer_named_is_the_citys() -> None:
    found = {(min(s, key=len), p, min(o, key=len)) for s, p, o in relations(extract(
        "今年以来，武汉动作频频，出台“创投风投十条”，印发《武汉市开展服务业综合改革试点实施方案》。商务部印发《服务贸易发展规划》。",
        "武汉市")) if p == "issuedBy"}
    assert found == {("创投风投十条", "issuedBy", "武汉"), ("武汉市开展服务业综合改革试点实施方案", "issuedBy", "武汉"),
                     ("服务贸易发展规划", "issuedBy", "商务部")}


def test_the_parks_a_zone_governs_are_its_parts() -> None:
    found = {(min(s, key=len), p, min(o, key=len)) for s, p, o in relations(extract(
        "武汉经济技术开发区下辖武汉东川工业园区、武汉南川工业园区等四个园区。"
        "武汉临空港经济技术开发区（以下简称“临空港开发区”）是我市产业发展的主要载体，下辖武汉北川工业园区。", "武汉市"))
        if p == "partOf"}
    assert found == {("武汉东川工业园区", "partOf", "武汉经济技术开发区"), ("武汉南川工业园区", "partOf", "武汉经济技术开发区"),
                     ("武汉北川工业园区", "partOf", "临空港开发区")}


def test_recognition_lists_parts_and_kind_words_for_the_site_named_last() -> None:
    found = short_relations(extract(
        "近日，湖北省商务厅公布湖北省服务贸易重点企业名单，武汉云图信息技术有限公司、武汉天枢数据服务有限公司等11家武汉企业上榜。"
        "今年7月，商务部公布第二批国家文化出口基地名单，武汉江汉文化创意产业园成功获批，成为我省唯一入围的园区。"
        "中国（湖北）自由贸易试验区武汉片区划分为光谷数字贸易港和武汉东湖综合保税区两大板块。"
        "走进光谷数字贸易港，数字气息扑面而来。去年以来，武汉浪涌数据科技有限公司等32家企业相继入驻园区。"
        "武汉东湖综合保税区是开放程度最高的板块。区内先后引进武汉翔鹭航空部件维修有限公司等保税维修企业。", "武汉市"))
    held = {(s, o) for s, p, o in found if p == "designatedAs"}
    assert {("武汉云图信息技术有限公司", "湖北省服务贸易重点企业"), ("武汉天枢数据服务有限公司", "湖北省服务贸易重点企业"),
            ("武汉江汉文化创意产业园", "国家文化出口基地")} <= held
    assert not any(s == "武汉" for s, o in held)
    parts = {s for s, p, o in found if p == "partOf"}
    assert {"光谷数字贸易港", "武汉东湖综合保税区"} <= parts
    located = {(s, o) for s, p, o in found if p == "locatedIn"}
    assert {("武汉浪涌数据科技有限公司", "光谷数字贸易港"), ("武汉翔鹭航空部件维修有限公司", "武汉东湖综合保税区")} <= located


def test_sites_entered_before_their_tenant_and_hosts_across_a_semicolon() -> None:
    found = short_relations(extract(
        "入驻光谷软件园的武汉星辰数智科技有限公司中标德国订单。武汉东湖综合保税区（以下简称“东湖综保区”）规模领先。"
        "开发区内的武汉博渊工业互联网有限公司打造了工业互联网平台。片区内的武汉研创园已集聚研发外包企业600余家；"
        "其中，武汉紫峰医药研发有限公司承接海外订单。下一步，市商务局将围绕《若干措施》落地见效，加快推进光谷软件园建设。", "武汉市"))
    located = {(s, o) for s, p, o in found if p == "locatedIn"}
    assert {("武汉星辰数智科技有限公司", "光谷软件园"), ("武汉紫峰医药研发有限公司", "武汉研创园")} <= located
    assert ("武汉博渊工业互联网有限公司", "东湖综保区") in located  # 开发区内的: the zone named last
    assert not any(s in ("市商务局", "武汉市商务局") for s, o in located)


def test_joint_organisers_series_events_and_the_topic_not_the_place_before_yi() -> None:
    found = short_relations(extract(
        "第18届中部服务贸易博览会（以下简称“中服会”）在武汉国际会展中心举办。本届中服会由商务部与东盟10国经贸主管部门及"
        "湖北省人民政府共同主办。9月11日，作为中服会系列活动之一，2021中部服务贸易合作对接会在武汉国际会展中心举行。"
        "中国（湖北）自由贸易试验区武汉片区位于东湖高新区，以光谷信息港为载体，区内已吸引武汉智汇跨境服务有限公司等企业1300余家。", "武汉市"))
    organisers = {o for s, p, o in found if p == "organizedBy" and s == "中服会"}
    assert {"商务部", "湖北省人民政府"} <= organisers and "东盟" not in organisers
    assert ("中部服务贸易合作对接会", "partOf", "中服会") in {(s.removeprefix("2021"), p, o) for s, p, o in found} \
        or any(p == "partOf" and "合作对接会" in s for s, p, o in found)
    assert not any(s == "东湖高新区" and p == "reliesOn" for s, p, o in found)
    assert ("武汉智汇跨境服务有限公司", "locatedIn", normalise("中国（湖北）自由贸易试验区武汉片区")) in found


def test_owners_of_units_hosts_of_brands_places_a_sentence_opens_with_and_zones_merged() -> None:
    found = short_relations(extract(
        "今年6月，上海知远信息技术股份有限公司把华东研发中心落子光谷软件园。武汉海链航运科技有限公司旗下的“链舶通”航运数字服务平台，"
        "已为1.2万艘次船舶提供服务。在洪山区，武汉南湖数字产业园正成为数字内容企业的集聚地。武汉阳逻国际航运服务集聚区被整体划入"
        "中国（湖北）自由贸易试验区武汉片区。", "武汉市"))
    assert ("上海知远信息技术股份有限公司", "locatedIn", "光谷软件园") in found
    assert not any(p == "locatedIn" and s == "华东研发中心" for s, p, o in found)
    assert ("武汉海链航运科技有限公司", "operates", normalise("“链舶通”航运数字服务平台")) in found
    assert ("武汉南湖数字产业园", "locatedIn", "洪山区") in found
    assert ("武汉阳逻国际航运服务集聚区", "partOf", normalise("中国（湖北）自由贸易试验区武汉片区")) in found


def test_sites_behind_an_alias_aside_here_and_district_areas_and_more_reliance_verbs() -> None:
    found = short_relations(extract(
        "位于武汉东湖新技术开发区（以下简称“东湖高新区”）的武汉数字文创产业园获评湖北省文化特色服务出口基地，"
        "武汉楚韵数字文化传媒有限公司等60余家文创企业集聚于此。江夏区辖区内的武汉智测技术服务有限公司承接检测外包业务。"
        "武汉将立足东湖高新区、武汉经开区的产业基础，推动服务外包发展。", "武汉市"))
    assert ("武汉数字文创产业园", "locatedIn", "东湖高新区") in found
    assert ("武汉楚韵数字文化传媒有限公司", "locatedIn", "武汉数字文创产业园") in found
    assert ("武汉智测技术服务有限公司", "locatedIn", "江夏区") in found
    assert {("武汉", "reliesOn", "东湖高新区"), ("武汉", "reliesOn", "武汉经开区")} <= found


def test_a_kind_word_opening_a_clause_names_a_company_and_plaques_confer_titles() -> None:
    ex = extract("现场，企业江城数科与武汉大学签约。由江城数科公司投资建设的“汉城数智港”项目已落地武汉经济技术开发区。"
                 "武汉华云数据科技有限公司分别与新加坡汇智云科技有限公司、香港联程物流服务有限公司签署外包协议。"
                 "市商务局为武汉数字文创产业园、武汉国际医疗服务中心授牌“武汉市服务贸易创新发展示范基地”。", "武汉市")
    assert mentions(ex)["江城数科"][0] == "Enterprise"
    assert mentions(ex)["武汉市服务贸易创新发展示范基地"][0] == "Designation"
    found = short_relations(ex)
    assert ("江城数科", "cooperatesWith", "武汉大学") in found
    assert ("汉城数智港项目", "locatedIn", "武汉经济技术开发区") in found
    assert not any(p == "locatedIn" and s.startswith("江城数科") for s, p, o in found)
    assert {("武汉华云数据科技有限公司", "cooperatesWith", "新加坡汇智云科技有限公司"),
            ("武汉华云数据科技有限公司", "cooperatesWith", "香港联程物流服务有限公司")} <= found
    assert {("武汉数字文创产业园", "designatedAs", "武汉市服务贸易创新发展示范基地"),
            ("武汉国际医疗服务中心", "designatedAs", "武汉市服务贸易创新发展示范基地")} <= found


def test_fairs_set_up_side_events_joint_hosts_and_heads_of_associations() -> None:
    ex = extract("2021中国（湖北）服务贸易博览会（以下简称“荆楚服博会”）在武汉开幕。"
                 "本届荆楚服博会下设“数字长江”服务贸易论坛、中国—东盟服务外包供需对接会等5场配套活动。"
                 "武汉市商务局携手武汉大学主办的“数字长江”服务贸易论坛举行，巴基斯坦拉合尔软件协会会长阿里·汗作主旨演讲。"
                 "龙头企业驭途科技在论坛上发布了新平台。黄陂区借力武汉国际陆港发展物流。", "武汉市")
    found = short_relations(ex)
    forum = normalise("“数字长江”服务贸易论坛")
    assert (forum, "organizedBy", "武汉市商务局") in found and (forum, "organizedBy", "武汉大学") in found
    assert (forum, "partOf", "荆楚服博会") in found
    assert mentions(ex)["巴基斯坦拉合尔软件协会"][0] == "Organization"
    assert mentions(ex)["驭途科技"][0] == "Enterprise"
    assert ("黄陂区", "reliesOn", "武汉国际陆港") in found


def test_an_area_word_is_no_verb_and_a_bare_qu_stands_for_the_zone_named_last() -> None:
    found = short_relations(extract(
        "初夏时节，武汉新区辖区内的北湖数字服务产业园里人来车往。武汉依托武汉经济技术开发区（以下简称“汉经开”）发展汽车服务。"
        "汉经开坐拥整车及零部件企业400余家，区内的武汉汽车研发服务产业园由武汉长汽科创发展集团有限公司投资运营。", "武汉市"))
    assert ("北湖数字服务产业园", "locatedIn", "武汉新区") in found
    assert not any(p == "partOf" and s == "北湖数字服务产业园" for s, p, o in found)
    assert ("武汉汽车研发服务产业园", "locatedIn", "汉经开") in found


def test_the_city_s_pronoun_takes_part_holding_well_is_holding_and_jishen_is_a_title_verb() -> None:
    found = short_relations(extract(
        "我市连续三年组团参加中国国际服务贸易交易会。我市企业参加中国国际进口博览会。办好中国中部投资贸易博览会。"
        "武汉斗鱼网络科技有限公司等4家企业跻身国家文化出口重点企业。", "武汉市"))
    assert ("武汉市", "participatesIn", "中国国际服务贸易交易会") in found
    assert not any(o == "中国国际进口博览会" for s, p, o in found)  # the city's companies, unnamed, take part
    assert ("中国中部投资贸易博览会", "heldIn", "武汉市") in found
    assert ("武汉斗鱼网络科技有限公司", "designatedAs", "国家文化出口重点企业") in found


def test_a_role_taken_with_zuowei_registered_sites_and_using_strengths() -> None:
    ex = extract("安家东湖高新区的武汉筑云算力科技有限公司首发了新平台；注册于洪山区的武汉数标科技有限公司签下合同。"
                 "作为湖北省数字服务出口基地，武汉大数据科创城内有武汉黔程数据服务有限公司、武汉云栈信息技术有限公司等企业。"
                 "武汉利用武汉大学、华中科技大学等高校的人才优势发展服务外包。利用东湖高新区和武汉经开区等国家战略部署，吸引企业。", "武汉市")
    assert mentions(ex)["湖北省数字服务出口基地"][0] == "Designation"
    found = short_relations(ex)
    assert ("武汉筑云算力科技有限公司", "locatedIn", "东湖高新区") in found
    assert ("武汉数标科技有限公司", "locatedIn", "洪山区") in found
    assert ("武汉大数据科创城", "designatedAs", "湖北省数字服务出口基地") in found
    assert {("武汉黔程数据服务有限公司", "locatedIn", "武汉大数据科创城"),
            ("武汉云栈信息技术有限公司", "locatedIn", "武汉大数据科创城")} <= found
    assert {("武汉", "reliesOn", "武汉大学"), ("武汉", "reliesOn", "华中科技大学")} <= found
    assert not any(p == "reliesOn" and o == "武汉经开区" for s, p, o in found)


def test_a_registered_company_keeps_its_verbs_and_an_operator_needs_the_thing_the_sentence_names() -> None:
    ex = extract("光谷企业联合建设了中药研发检测公共服务平台。位于东湖高新区内的武汉东湖综合保税区于2016年经国务院批准设立，"
                 "由武汉综保投资建设有限公司负责开发运营。该基地地处江夏区，由武汉江城文旅发展集团有限公司投资建设并运营。", "武汉市")
    assert mentions(ex)["武汉综保投资建设有限公司"][0] == "Enterprise"
    found = short_relations(ex)
    assert not any(s == "武汉综保投资建设有限公司" and p == "operates" for s, p, o in found)


def test_qizhong_goes_on_with_the_sites_a_city_has_in_the_sentence_before() -> None:
    found = short_relations(extract("武汉拥有两个国家级服务出口基地。其中，国家人力资源服务出口基地已吸引100家企业入驻。", "武汉市"))
    assert ("国家人力资源服务出口基地", "locatedIn", "武汉") in found


def test_conditions_and_bids_confer_no_title_on_the_city_and_a_core_area_places_a_park() -> None:
    found = short_relations(extract(
        "对首次入选中国服务外包领军企业的，给予100万元奖励，被认定为湖北省服务外包重点企业的，给予30万元奖励。"
        "同时，积极争取纳入全面深化服务贸易创新发展试点。推动位于东湖高新技术开发区（以下简称“东湖高新区”）核心区的光谷软件园扩容提质。"
        "支持企业参加在北京举办的中国国际服务贸易交易会和中国武汉投资贸易洽谈会。", "武汉市"))
    assert not any(p == "designatedAs" and s in ("武汉", "武汉市") for s, p, o in found)
    assert ("光谷软件园", "locatedIn", "东湖高新区") in found
    assert ("中国国际服务贸易交易会", "heldIn", "北京") in found


def test_subsidiaries_and_components_are_parts() -> None:
    found = short_relations(extract("支持武汉丝路云数据科技有限公司拓展功能，该公司为湖北陇投数字产业集团有限公司的下属企业。"
                                    "武汉综合保税区作为武汉片区的组成部分一并纳入。武汉江城数据有限公司隶属于湖北长江产业投资集团有限公司。", "武汉市"))
    assert ("武汉丝路云数据科技有限公司", "partOf", "湖北陇投数字产业集团有限公司") in found
    assert ("武汉综合保税区", "partOf", "武汉片区") in found
    assert ("武汉江城数据有限公司", "partOf", "湖北长江产业投资集团有限公司") in found


def test_the_leader_named_in_the_clause_before_works_with_the_partners_and_zhidian_is_reliance() -> None:
    found = short_relations(extract(
        "为贯彻落实《湖北省“十四五”服务贸易发展规划》，由市商务局牵头，会同武汉市发展和改革委员会、武汉海关等部门研究起草了《措施》。"
        "支持武汉新区以区内的武汉新区综合保税区为支点，申建国家数字服务出口基地。确定武汉新区、东湖高新区为武汉市服务贸易创新发展试点区域。",
        "武汉市"))
    assert {("武汉市商务局", "cooperatesWith", "武汉市发展和改革委员会"), ("武汉市商务局", "cooperatesWith", "武汉海关")} <= found \
        or {("市商务局", "cooperatesWith", "武汉市发展和改革委员会"), ("市商务局", "cooperatesWith", "武汉海关")} <= found
    assert ("武汉新区", "reliesOn", "武汉新区综合保税区") in found
    assert ("东湖高新区", "designatedAs", "武汉市服务贸易创新发展试点区域") in found


def test_a_kind_word_before_the_verb_co_builders_platform_builders_and_a_unit_sited_by_its_owner() -> None:
    found = short_relations(extract(
        "光谷软件园今年3月入选湖北省服务外包示范园区名单；6月，市商务局为园区授牌“武汉市数字服务贸易集聚区”。"
        "总部位于北京的华软智联信息技术有限公司将华中交付中心选址于光谷软件园。"
        "5月18日，由市商务局会同武汉大学共建的武汉服务外包人才实训基地揭牌。"
        "“汉服通”服务贸易综合服务平台于6月上线，平台由市商务局牵头搭建、武汉数联信息技术有限公司负责日常运营。", "武汉市"))
    assert ("光谷软件园", "designatedAs", "武汉市数字服务贸易集聚区") in found
    assert ("华软智联信息技术有限公司", "locatedIn", "光谷软件园") in found
    assert not any(s == "华中交付中心" and p == "locatedIn" for s, p, o in found)
    assert ("武汉大学", "operates", "武汉服务外包人才实训基地") in found
    assert ("武汉数联信息技术有限公司", "operates", normalise("“汉服通”服务贸易综合服务平台")) in found


def test_a_title_in_a_relative_clause_and_companies_landing_in_the_zone_a_sentence_is_about() -> None:
    found = short_relations(extract(
        "今年获评湖北省“瞪羚”企业的武汉椰云数字科技有限公司在展会首日首发新平台。"
        "作为湖北重点园区之一，武汉长江新区毗邻武汉天河国际机场，目前已有武汉椰云数字科技有限公司等1260余家企业落户。", "武汉市"))
    assert ("武汉椰云数字科技有限公司", "designatedAs", normalise("湖北省“瞪羚”企业")) in found
    assert ("武汉椰云数字科技有限公司", "locatedIn", "武汉长江新区") in found
    assert not any(p == "designatedAs" and s in ("武汉", "武汉市") for s, p, o in found)
