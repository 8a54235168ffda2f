"""What a clause leaves out (kg/extract/discourse.py): the sentence's topic, 该项目 and bare kind words for
the one named last, descriptions that stand for a name."""

from __future__ import annotations

from extract_helpers import extract, mentions, relations, short_relations
from kg.resolve import normalise


def test_a_determiner_and_a_kind_stand_for_the_thing_named_last() -> None:
    ex = extract("“楚韵东方”数字文化出海项目入选国家文化出口重点项目。该项目已落户武汉经济技术开发区。", "武汉市")
    found = short_relations(ex)
    assert ("楚韵东方数字文化出海项目", "locatedIn", "武汉经济技术开发区") in found
    assert "项目落户武汉经济技术开发区" not in mentions(ex)


def test_a_site_word_stands_for_the_site_of_its_kind_in_the_same_sentence() -> None:
    ex = extract("东湖数字小镇获评省级服务业特色小镇。武汉软件园位于东湖高新区，园区内的武汉数字贸易服务中心已投入运营。", "武汉市")
    found = short_relations(ex)
    assert ("武汉数字贸易服务中心", "locatedIn", "武汉软件园") in found


def test_zuowei_titles_held_by_the_subject_of_the_next_clause() -> None:
    found = {(min(s, key=len), p, min(o, key=len)) for s, p, o in relations(extract(
        "作为全面深化服务贸易创新发展试点地区和首批中国服务外包示范城市，我市将加快建设。"
        "作为首批中国服务外包示范城市之一，成都正加快推动服务外包转型。作为重要平台，该中心发挥作用。", "武汉市"))
        if p == "designatedAs"}
    assert found == {("武汉市", "designatedAs", "全面深化服务贸易创新发展试点地区"),
                     ("武汉市", "designatedAs", "中国服务外包示范城市"), ("成都", "designatedAs", "中国服务外包示范城市")}


def test_a_clause_without_a_subject_goes_on_about_the_sentences_topic() -> None:
    found = short_relations(extract("以软件外包为特色的光谷软件园位于东湖高新区，依托武汉大学等高校，2021年入选国家数字服务出口基地。", "武汉市"))
    assert ("光谷软件园", "reliesOn", "武汉大学") in found
    assert ("光谷软件园", "designatedAs", "国家数字服务出口基地") in found
    assert not any(s in ("东湖高新区", "武汉") and p in ("reliesOn", "designatedAs") for s, p, o in found)


def test_a_determiner_opening_a_sentence_stands_for_the_topic_named_before() -> None:
    found = short_relations(extract("武汉商贸服务型国家物流枢纽于2020年入选国家物流枢纽建设名单，是华中首个获批建设的国家物流枢纽。"
                           "该枢纽以武汉阳逻物流园区和武汉东西湖物流园区为依托，由武汉港航物流集团有限公司统一运营，"
                           "两个园区均位于新洲区。", "武汉市"))
    hub = "武汉商贸服务型国家物流枢纽"
    assert {(hub, "reliesOn", "武汉阳逻物流园区"), (hub, "reliesOn", "武汉东西湖物流园区"),
            ("武汉港航物流集团有限公司", "operates", hub)} <= found
    # 两个园区 is the last clause's own subject: the operator is not in 新洲区, nor relied on by a park
    assert not any(s == "武汉港航物流集团有限公司" and p == "locatedIn" for s, p, o in found)
    assert not any(o == "武汉港航物流集团有限公司" and p == "reliesOn" for s, p, o in found)


def test_a_bare_kind_opening_a_clause_stands_for_the_one_named_last() -> None:
    found = short_relations(extract("中国（湖北）自由贸易试验区武汉片区是全省开放高地。片区依托武汉东湖综合保税区，积极发展国际航运。"
                           "武汉长江物流有限公司的方案可实现武汉至东京、首尔等城市的次日达，公司希望借助服贸会扩大合作。"
                           "与此同时，我市依托中国（武汉）跨境电子商务综合试验区建设了跨境电商产业园。", "武汉市"))
    relied = {(s, o) for s, p, o in found if p == "reliesOn"}
    assert (normalise("中国（湖北）自由贸易试验区武汉片区"), "武汉东湖综合保税区") in relied
    assert ("武汉", normalise("中国（武汉）跨境电子商务综合试验区")) in relied
    assert not any(o == "服贸会" for s, o in relied)  # 希望借助: a wish; and 东京 is no subject


def test_carriers_take_part_and_a_described_kind_opens_a_clause_about_the_one_named_last() -> None:
    found = short_relations(extract(
        "第三届中部服务贸易博览会在武汉开幕。总部位于洪山区的武汉云译数据服务有限公司携自主研发的“楚云译”多语种平台亮相；"
        "湖北省商务厅副厅长郑海鸥、武汉市副市长刘承志出席开幕式。在光谷软件园的交付大厅，工程师正忙于调试系统。"
        "武汉甬创数字科技有限公司今年订单不降反升。这家总部设在光谷的企业，今年被认定为湖北省服务外包重点企业。", "武汉市"))
    takers = {s for s, p, o in found if p == "participatesIn"}
    assert "武汉云译数据服务有限公司" in takers and not any("楚云译" in t for t in takers)
    assert "刘承志" in takers
    assert ("武汉甬创数字科技有限公司", "designatedAs", "湖北省服务外包重点企业") in found


def test_a_described_company_is_located_where_its_description_says() -> None:
    found = short_relations(extract("武汉天山云数据服务有限公司携自主研发的“丝路云译”多语种翻译平台亮相，"
                                    "这家总部位于武汉东湖新技术开发区的企业，客户遍及中亚各国。", "武汉市"))
    assert ("武汉天山云数据服务有限公司", "locatedIn", "武汉东湖新技术开发区") in found
    assert not any(s == "中亚" for s, p, o in found)


def test_qu_nei_stands_for_the_area_the_sentence_is_about_zone_or_park() -> None:
    found = short_relations(extract(
        "位于江夏区的中国（湖北）自由贸易试验区武汉片区（以下简称“武汉自贸片区”）服务贸易加快集聚。"
        "作为国家数字服务出口基地，汉口中央商务区上半年实现数字服务出口212.4亿元，区内集聚了武汉云途跨境信息服务有限公司等一批企业。",
        "武汉市"))
    assert ("武汉云途跨境信息服务有限公司", "locatedIn", "汉口中央商务区") in found
    assert not any(s == "武汉云途跨境信息服务有限公司" and o == "武汉自贸片区" for s, p, o in found)


def test_a_counted_kind_opening_a_clause_stands_for_the_last_named_of_that_kind() -> None:
    found = short_relations(extract("该枢纽以武汉朝阳物流园区和武汉双寨物流园区为依托，由武汉陆港物流集团有限公司统一运营，"
                                    "两个园区均位于江夏区。", "武汉市"))
    assert {("武汉朝阳物流园区", "locatedIn", "江夏区"), ("武汉双寨物流园区", "locatedIn", "江夏区")} <= found


def test_zhe_jia_and_a_kind_stands_for_the_company_named_last_and_a_joint_document_is_no_partnership() -> None:
    found = short_relations(extract(
        "武汉智算云谷科技有限公司的数据标注车间里一派繁忙。这家企业2021年选址于武汉长江新区，去年离岸执行额3200万美元。"
        "去年10月，市商务局会同湖北省商务厅联合发文，出台《武汉市支持数字服务外包发展若干措施》。", "武汉市"))
    assert ("武汉智算云谷科技有限公司", "locatedIn", "武汉长江新区") in found
    assert not any(p == "cooperatesWith" for s, p, o in found)


def test_both_parties_of_an_agreement_build_what_they_agree_on_where_they_say() -> None:
    found = short_relations(extract("其中，武汉长江新区管理局与新加坡星桥数码私人有限公司签署战略合作协议，"
                                    "双方将携手在长江新区共建“星汉”国际数据服务中心。", "武汉市"))
    centre = normalise("“星汉”国际数据服务中心")
    assert {("武汉长江新区管理局", "operates", centre), ("新加坡星桥数码私人有限公司", "operates", centre)} <= found
    assert (centre, "locatedIn", "长江新区") in found


def test_qi_before_a_reliance_verb_is_the_name_the_sentence_opens_with() -> None:
    ex = extract("武汉新区已于2020年获批国家进口贸易促进创新示范区，《措施》支持其凭借武汉天河国际机场航空口岸发展保税研发。", "武汉市")
    assert not [n for n in mentions(ex) if n.endswith("航空")]  # 航空口岸: 航空 heads a phrase, no company
    found = short_relations(ex)
    assert ("武汉新区", "reliesOn", "武汉天河国际机场") in found


def test_a_bare_kind_before_a_partner_conjunction_is_the_one_named_last() -> None:
    found = short_relations(extract("园区内的武汉慧航软件股份有限公司是武汉片区服务外包的“排头兵”。"
                                    "今年3月，公司与日本东和信息系统株式会社签署五年期合作协议。", "武汉市"))
    assert ("武汉慧航软件股份有限公司", "cooperatesWith", "日本东和信息系统株式会社") in found
    assert not any(p == "cooperatesWith" and s in ("武汉", "武汉市") for s, p, o in found)
