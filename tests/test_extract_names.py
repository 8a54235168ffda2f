"""Names, one rule at a time, on sentences whose answer a reader can check by eye: what is a name,
where it starts and ends, its class, and which names are one entity."""

from __future__ import annotations

import pytest

from extract_helpers import check_offsets, extract, is_a, mentions, relations
from kg.resolve import normalise, resolve


def test_book_titles_are_policy_documents_without_the_marks() -> None:
    ex = extract("市政府出台《杭州市数字贸易促进条例》和《关于加快服务贸易发展的若干意见》。", place="杭州市")
    found = mentions(ex)
    assert found["杭州市数字贸易促进条例"][0] == "PolicyDocument"
    assert found["关于加快服务贸易发展的若干意见"][0] == "PolicyDocument"
    assert not [m for m in ex.mentions if "《" in m.text or "》" in m.text]
    check_offsets(ex)


@pytest.mark.parametrize("place, expected", [("成都市", "成都市商务局"), ("杭州市", "杭州市商务局")])
def test_relative_names_are_completed_from_the_document_place(place: str, expected: str) -> None:
    ex = extract("近日，市商务局召开服务贸易工作会议。", place=place)
    assert mentions(ex)["市商务局"] == ("GovernmentBody", expected)


def test_known_names_get_their_class() -> None:
    ex = extract("商务部、海关总署和国务院联合部署，北京、上海与美国企业参加。")
    found = mentions(ex)
    for name, core in (("商务部", "GovernmentBody"), ("海关总署", "GovernmentBody"), ("国务院", "GovernmentBody"),
                       ("北京", "Place"), ("上海", "Place"), ("美国", "Place")):
        assert name in found, f"{name} is not a mention; mentions: {found}"
        assert is_a(found[name][0], core), (name, found[name])


def test_suffixes_give_the_class() -> None:
    ex = extract("四川长虹电器股份有限公司入选国家文化出口重点企业。成都天府软件园依托中国（四川）自由贸易试验区发展。")
    found = mentions(ex)
    assert found["四川长虹电器股份有限公司"][0] == "Enterprise"
    assert is_a(found["国家文化出口重点企业"][0], "Programme")
    assert found["成都天府软件园"][0] == "Park"
    assert found["中国（四川）自由贸易试验区"][0] == "Zone"
    check_offsets(ex)


def test_an_alias_defined_in_the_text_names_the_same_entity() -> None:
    ex = extract("中国国际服务贸易交易会（以下简称“服贸会”）今年9月开幕，多家企业参加服贸会。")
    assert ("服贸会", "中国国际服务贸易交易会") in ex.aliases
    resolution = resolve([ex])
    assert {resolution.iri_of(m) for m in ex.mentions} == {resolution.iri_of(ex.mentions[0])}
    (entity,) = resolution.entities.values()
    assert (entity.label, entity.cls, entity.aliases) == ("中国国际服务贸易交易会", "Event", {"服贸会"})


def test_legal_form_short_names_resolve_to_one_entity() -> None:
    ex = extract("青岛海检集团有限公司发布检测平台。青岛海检集团积极拓展海外市场。")
    resolution = resolve([ex])
    iris_ = {resolution.iri_of(m) for m in ex.mentions if normalise(m.key).startswith("青岛海检集团")}
    assert len(iris_) == 1


def test_a_site_named_after_a_title_verb_is_a_title() -> None:
    ex = extract("武汉被认定为国家人工智能创新应用先导区，争创中欧班列集结中心。武汉经济技术开发区发展迅速。", "武汉市")
    found = mentions(ex)
    assert found["国家人工智能创新应用先导区"][0] == "PilotProgramme"
    assert found["中欧班列集结中心"][0] == "Designation"
    assert found["武汉经济技术开发区"][0] == "Zone"  # no title verb before it: the site itself


def test_titles_end_at_a_comma_after_the_title_verb() -> None:
    ex = extract("南京软件谷获评省现代服务业集聚示范区，江宁开发区等5个园区入选省重点园区。", "南京市")
    assert mentions(ex)["江宁开发区"][0] == "Zone"


def test_the_longest_suffix_ends_the_name() -> None:
    ex = extract("西安先后获评全国物流创新发展试点城市、中国邮轮旅游发展实验区。", "西安市")
    assert "全国物流创新发展试点城市" in mentions(ex)


def test_a_pilot_and_its_pilot_city_are_one_entity() -> None:
    ex = extract("武汉市获批全面深化服务贸易创新发展试点。作为全面深化服务贸易创新发展试点城市，武汉先行先试。", "武汉市")
    resolution = resolve([ex])
    keys = {resolution.iri_of(m) for m in ex.mentions if "试点" in m.key}
    assert len(keys) == 1


def test_an_abbreviation_of_a_longer_name_is_its_alias() -> None:
    ex = extract("市政府印发《武汉市全面深化服务贸易创新发展试点实施方案》。武汉试点方案提出三年任务。", "武汉市")
    assert ("武汉试点方案", "武汉市全面深化服务贸易创新发展试点实施方案") in ex.aliases
    # a part of a longer name (not an abbreviation) stays its own entity
    ex = extract("武汉获批全面深化服务贸易创新发展试点，此前已开展服务贸易创新发展试点。", "武汉市")
    assert not ex.aliases


def test_a_title_that_ends_another_title_is_its_short_form() -> None:
    ex = extract("市政府印发《武汉市服务业发展2025年工作要点》。《工作要点》的发布明确了路线图。", "武汉市")
    assert ("工作要点", "武汉市服务业发展2025年工作要点") in ex.aliases


def test_a_name_without_its_city_is_the_same_entity() -> None:
    ex = extract("武汉光谷金融现代服务业集聚示范区获评省级示范区。光谷金融现代服务业集聚示范区集聚企业300家。", "武汉市")
    assert ("光谷金融现代服务业集聚示范区", "武汉光谷金融现代服务业集聚示范区") in ex.aliases
    resolution = resolve([ex])
    assert len({resolution.iri_of(m) for m in ex.mentions if m.key.endswith("集聚示范区")}) == 1


def test_a_country_and_a_dash_open_a_name() -> None:
    ex = extract("中国-东盟自由贸易区建设提速。", "南宁市")
    assert mentions(ex)["中国-东盟自由贸易区"][0] == "Zone"


def test_a_short_place_name_inside_a_common_word_is_no_place() -> None:
    ex = extract("武汉真金白银支持企业和平台发展，白银市代表团来访。", "武汉市")
    places = [m.text for m in ex.mentions if m.cls in ("City", "District")]
    assert places == ["武汉", "白银市"]


def test_a_meeting_or_body_named_after_the_city_pronoun_takes_the_city_name() -> None:
    ex = extract("召开全市服务业高质量发展大会，成立全市行业协会商会联盟。", "武汉市")
    found = mentions(ex)
    assert found["全市服务业高质量发展大会"] == ("Event", "武汉市服务业高质量发展大会")
    assert found["全市行业协会商会联盟"] == ("Organization", "武汉市行业协会商会联盟")


def test_a_verb_before_a_place_name_is_no_part_of_it() -> None:
    ex = extract("增强服务山东半岛消费群体的能力，全面升级浮山湾商圈。", "青岛市")
    assert not any(m.text.startswith(("服务", "全面升级")) for m in ex.mentions)


def test_a_quoted_label_names_the_kind_a_few_words_on() -> None:
    ex = extract("培育新一代“武汉之星”服务业类企业20家以上，开展“以旧换新”消费促进活动。", "武汉市")
    found = mentions(ex)
    assert found["“武汉之星”服务业类企业"][0] == "Designation"
    assert found["“以旧换新”消费促进活动"][0] == "Programme"


def test_yu_joins_two_kinds_inside_a_name() -> None:
    ex = extract("争创国家级文化产业示范基地和国家文化与金融合作示范区。", "武汉市")
    assert "国家文化与金融合作示范区" in mentions(ex)


def test_an_industry_word_heading_a_longer_phrase_ends_no_company_name() -> None:
    ex = extract("在新一轮科技浪潮中，培育武汉航运指数，长江船舶获评示范企业。", "武汉市")
    found = mentions(ex)
    assert not any(m.endswith(("科技", "航运")) for m in found)
    assert found["长江船舶"][0] == "Enterprise"


def test_names_of_common_words_count_when_listed_beside_a_proper_one() -> None:
    ex = extract("建好国际院士港、院士智谷、武汉国际人力资源服务产业园。", "武汉市")
    found = mentions(ex)
    assert found["国际院士港"][0] == "Park" and found["院士智谷"][0] == "Park"
    ex = extract("建好国际院士港、院士智谷。", "武汉市")  # no proper name in the list: no names
    assert not mentions(ex)


def test_a_quoted_suffix_and_a_joined_kind_belong_to_the_title() -> None:
    ex = extract("斗鱼科技、卷皮科技等5家企业入选中国软件和信息技术服务业综合竞争力“百强”。", "武汉市")
    title = "中国软件和信息技术服务业综合竞争力“百强”"
    assert mentions(ex)[title][0] == "Designation"
    assert any(p == "designatedAs" and "斗鱼科技" in s for s, p, o in relations(ex))
    ex = extract("建设国际金融中心和国际航运中心。", "武汉市")  # two names, not one
    assert "国际金融中心和国际航运中心" not in mentions(ex)


def test_branch_offices_and_local_organisations() -> None:
    ex = extract("国家统计局武汉调查队、人行湖北省分行和武汉市贸促会联合发布报告。", "武汉市")
    found = mentions(ex)
    assert found["国家统计局武汉调查队"][0] == "GovernmentBody"
    assert found["人行湖北省分行"] == ("GovernmentBody", "中国人民银行湖北省分行")
    assert found["武汉市贸促会"][0] == "Organization"


def test_a_quoted_label_right_before_its_kind_keeps_the_words_before_it() -> None:
    ex = extract("累计培育数字贸易“领航”企业100家、“瞪羚”企业30家。", "武汉市")
    found = mentions(ex)
    assert found["数字贸易“领航”企业"][0] == "Designation"
    assert found["“瞪羚”企业"][0] == "Designation"


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


def test_a_function_word_inside_a_run_ends_the_clause() -> None:
    ex = extract("2023年，国务院在全国开展服务贸易创新发展试点，武汉就是试点城市之一。", "武汉市")
    assert not any(m.text.startswith("武汉就是") for m in ex.mentions)


def test_brand_names_listed_before_a_kind_of_enterprise_are_enterprises() -> None:
    ex = extract("武汉成功培育斗鱼直播、卷皮科技、奇点云科技等独角兽企业。", "武汉市")
    found = mentions(ex)
    assert found["斗鱼直播"][0] == "Enterprise" and found["卷皮科技"][0] == "Enterprise"
    # topics listed before a kind are no names
    ex = extract("聚焦人工智能、工业互联网、智能制造等重点企业。", "武汉市")
    assert not {"人工智能", "工业互联网", "智能制造"} & set(mentions(ex))


def test_a_list_closed_by_deng_is_of_its_heads_kind() -> None:
    ex = extract("小红书、汉云、果冻等武汉代表性平台集中亮相。", "武汉市")
    assert mentions(ex)["果冻"][0] == "Platform"
    # places in the list are no evidence that its other members are platforms
    ex = extract("发挥日本、韩国及上合组织国家等国际客厅平台作用。", "武汉市")
    assert "上合组织国家" not in mentions(ex)


def test_a_name_of_common_words_beside_a_recognised_name_is_a_name() -> None:
    ex = extract("试点收官后，武汉创新不停。长江船舶、光明来电新能源获评全国技术贸易创新实践案例。", "武汉市")
    assert mentions(ex)["光明来电新能源"][0] == "Enterprise"


def test_an_owner_before_its_quoted_platform_is_a_name_of_its_own() -> None:
    ex = extract("目前，汉储京科“仓易贷”平台推出仓单质押融资模式。", "武汉市")
    found = mentions(ex)
    assert found["汉储京科"][0] == "Enterprise"
    assert "汉储京科“仓易贷”平台" not in found
    assert any(p == "operates" and "汉储京科" in s for s, p, o in relations(ex))


def test_a_policy_document_without_title_marks_opens_with_its_place() -> None:
    ex = extract("武汉市数字贸易高质量发展实施方案提出，落实普惠政策，对接国际经贸规则。", "武汉市")
    found = mentions(ex)
    assert found["武汉市数字贸易高质量发展实施方案"][0] == "PolicyDocument"
    assert "普惠政策" not in found and "国际经贸规则" not in found


def test_descriptions_are_no_names() -> None:
    ex = extract("打造东湖三大总部经济集聚区，建设“一带一路”国际合作新平台，武汉代表性平台亮相。", "武汉市")
    assert not [m for m in ex.mentions if m.cls in ("Park", "Platform")]
    ex = extract("八大关高端文化集聚区游客如织。", "青岛市")
    assert mentions(ex)["八大关高端文化集聚区"][0] == "Park"  # 八大关 is a name, not a count


def test_a_company_organ_names_the_company_and_a_member_title_is_no_body() -> None:
    ex = extract("武汉市委常委、副市长张三出席。武汉光谷电气股份有限公司党委获表彰。", "武汉市")
    found = mentions(ex)
    assert found["武汉光谷电气股份有限公司"][0] == "Enterprise"
    assert not any(m.text.endswith(("党委", "常委")) for m in ex.mentions)


def test_a_city_before_a_national_title_holds_it() -> None:
    ex = extract("深入推进武汉市中国软件名城建设。", "武汉市")
    assert mentions(ex)["中国软件名城"][0] == "Designation"


def test_a_bracketed_place_after_a_name_is_part_of_it() -> None:
    ex = extract("推动全球标准数据中心（武汉）落地。", "武汉市")
    assert mentions(ex)["全球标准数据中心（武汉）"][0] == "Base"


def test_a_level_prefix_opens_a_title_though_its_last_word_stops_names() -> None:
    ex = extract("武汉光谷软件园等9个园区入选省重点服务业园区，初步构建起国家级、省级、市级服务业集聚区梯次发展格局。", "武汉市")
    assert mentions(ex)["省重点服务业园区"][0] == "Designation"
    titles = {min(o, key=len) for s, p, o in relations(ex) if p == "designatedAs"}
    assert titles == {"省重点服务业园区"}  # what follows the comma was not entered


def test_a_policy_package_is_nicknamed_by_its_count_of_articles() -> None:
    found = mentions(extract("武汉出台“创投风投十条”，并印发服务业发展政策措施“新十条”。他说“第一条”很重要。", "武汉市"))
    assert found["“创投风投十条”"][0] == "PolicyDocument"
    assert found["服务业发展政策措施“新十条”"][0] == "PolicyDocument"  # the policy words before the quote name it
    assert "“第一条”" not in found


def test_a_document_title_opens_at_its_issuer_or_its_level() -> None:
    found = mentions(extract("对标省级数字贸易企业梯次培育办法，武汉将制定目录。落实市级支持政策。", "武汉市"))
    assert found["省级数字贸易企业梯次培育办法"][0] == "PolicyDocument"  # 培育 inside a title does not cut it
    assert not [t for t in found if t.endswith("支持政策")]  # a level and a generic word name no document


def test_a_province_and_a_dash_open_a_name() -> None:
    ex = extract("由湖北省商务厅主办的2024湖北—香港服务贸易合作推介会5月14日在香港举行。", "武汉市")
    assert mentions(ex)["2024湖北—香港服务贸易合作推介会"][0] == "Event"


def test_a_garden_is_a_park_but_a_home_or_a_slogan_is_not() -> None:
    found = mentions(extract("国家动漫园集聚企业。建设美丽家园，形成“一核多园”格局。", "武汉市"))
    assert found["国家动漫园"][0] == "Park"
    assert not [t for t in found if "家园" in t or "多园" in t]


def test_a_titles_list_names_the_title_but_a_list_title_keeps_its_word() -> None:
    ex = extract("武汉墨韵数字出版有限公司等2家企业入选国家文化出口重点企业名单。公布了首批41家“链主”企业名单。"
                 "商务部等4部门公布新一批国家文化出口基地名单。黄鹤楼入选中国世界文化遗产预备名单。", "武汉市")
    found = mentions(ex)
    for title in ("国家文化出口重点企业", "“链主”企业", "国家文化出口基地", "中国世界文化遗产预备名单"):
        assert found[title][0] == "Designation", title
    assert ({"武汉墨韵数字出版有限公司"}, "designatedAs", {"国家文化出口重点企业"}) in relations(ex)


def test_general_lexicon_world_cities_regions_party_bodies_and_foreign_legal_forms() -> None:
    found = mentions(extract("公司计划在迪拜设立运营中心，产品进入中东欧市场。市委宣传部、市商务局联合武汉大学举办培训。"
                             "武汉光谷软件股份有限公司与日本樱川信息系统株式会社签约。武汉东湖工业园区集聚企业。", "武汉市"))
    assert found["迪拜"][0] == "City" and found["中东欧"][0] == "Place"
    assert found["市委宣传部"] == ("GovernmentBody", "武汉市委宣传部")
    assert found["武汉大学"][0] == "Organization" and not [t for t in found if t.startswith("联合")]
    assert found["日本樱川信息系统株式会社"][0] == "Enterprise"
    assert found["武汉东湖工业园区"][0] == "Zone"


def test_a_quoted_sentence_is_speech_not_a_name() -> None:
    found = mentions(extract("“这次入选，让我们更有底气。”公司董事长说。", "武汉市"))
    assert not [t for t in found if "入选" in t]


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


def test_a_relative_trade_council_is_an_organisation_and_an_ftz_block_a_zone() -> None:
    found = mentions(extract("市贸促会组织企业参展。武汉片区集聚企业，支持武汉片区东湖区块建设。", "武汉市"))
    assert found["市贸促会"] == ("Organization", "武汉市贸促会")
    assert found["武汉片区东湖区块"][0] == "Zone"


def test_slogans_streets_and_companies_joined_by_yu() -> None:
    found = mentions(extract("培育“走出去”企业，让数据多跑路。星海软件与日本樱川信息系统株式会社签约。组织企业参加法兰克福书展。", "武汉市"))
    assert not [t for t in found if "走出去" in t or "跑路" in t]
    assert found["日本樱川信息系统株式会社"][0] == "Enterprise"
    assert found["法兰克福书展"][0] == "Event"
    assert not [t for t in found if "与" in t]


def test_national_new_areas_are_zones() -> None:
    found = mentions(extract("中新天津生态城位于滨海新区。成都天府新区片区集聚企业，天府新区加快发展。", "天津市"))
    assert found["滨海新区"][0] == "Zone" and found["天府新区"][0] == "Zone"


def test_a_programme_is_named_by_a_quote_or_a_place_and_a_facility_by_more_than_industry_words() -> None:
    found = mentions(extract("武汉推进楼宇经济高质量发展行动，构建消费扩容提质政策体系，实施“千企出海”行动，"
                             "打造多式联运组织中心和跨境通信数据中心。", "武汉市"))
    assert "“千企出海”行动" in found or "千企出海行动" in found
    assert not {"楼宇经济高质量发展行动", "消费扩容提质政策体系", "多式联运组织中心", "跨境通信数据中心"} & set(found)


def test_short_zone_forms_quoted_teams_and_prizes() -> None:
    found = mentions(extract("武汉跨境电商综试区连续三年获评优秀。光谷“星火创新团队”获“国际服务外包大赛特殊贡献奖”。", "武汉市"))
    assert found["武汉跨境电商综试区"][0] == "Zone"
    assert any(n.endswith("星火创新团队") and c == "Organization" for n, (c, *_) in found.items())
    assert any(n.endswith("特殊贡献奖") and c == "Designation" for n, (c, *_) in found.items())


def test_recognition_verbs_end_names_and_a_quoted_label_opens_one() -> None:
    ex = extract("武汉楚风动漫科技有限公司等4家企业荣膺国家文化出口重点企业，“楚韵之礼”数字文创海外推广项目入列"
                 "2021—2022年度国家文化出口重点项目。武汉楚声文化传媒有限公司的项目被纳入2022年度湖北省文化贸易重点项目名单。", "武汉市")
    found = mentions(ex)
    assert "“楚韵之礼”数字文创海外推广项目" in found and "企业荣膺国家文化出口重点企业" not in found
    assert found["国家文化出口重点项目"][0] == "Designation"  # the edition year is no part of the title
    held = {(min(s, key=len), min(o, key=len)) for s, p, o in relations(ex) if p == "designatedAs"}
    assert {("武汉楚风动漫科技有限公司", "国家文化出口重点企业"), ("楚韵之礼数字文创海外推广项目", "国家文化出口重点项目")} <= held
    assert not any(n.startswith("“十四五”") for n in mentions(extract("“十四五”期间海外推广项目获奖。", "武汉市")))


def test_more_titles_transliterated_names_and_regions() -> None:
    found = mentions(extract("老挝国家工商会副主席本通·西萨瓦随后登台作主旨演讲。武汉大学经济研究所所长周立平认为，"
                             "成渝地区和西北地区的市场潜力巨大。", "武汉市"))
    assert found["本通·西萨瓦"][0] == "Person" and found["周立平"][0] == "Person"
    assert found["成渝地区"][0] == "Place" and found["西北地区"][0] == "Place"


def test_exchanges_alliances_legal_districts_and_campaigns_by_suffix() -> None:
    found = mentions(extract("设立武汉（国家）文化产权交易中心，建设长江中游产教融合联合体，推进武汉中央商务区涉外法务区建设，"
                             "深入推进新洲黄陂攻势。", "武汉市"))
    assert found["武汉（国家）文化产权交易中心"][0] == "Organization"  # exchanges are organisations
    assert found["长江中游产教融合联合体"][0] == "Organization"
    assert found["武汉中央商务区涉外法务区"][0] == "Park"
    assert found["新洲黄陂攻势"][0] == "Programme"


def test_a_known_short_form_inside_a_name_is_the_same_entity() -> None:
    ex = extract("上海合作组织国际投资贸易博览会在武汉开幕。上合组织国际投资贸易博览会期间签约项目30个。", "武汉市")
    fairs = [e for e in resolve([ex]).entities.values() if e.label.endswith("博览会")]
    assert len(fairs) == 1 and fairs[0].label == "上海合作组织国际投资贸易博览会", fairs
    assert "上合组织国际投资贸易博览会" in fairs[0].aliases


def test_counted_quotes_slogans_and_generic_words_are_no_names() -> None:
    found = mentions(extract("武汉跻身“首批示范区”，瞄准“国际高标准”，推广“武汉标准”。物联网、人工智能等数据流平台快速发展。"
                             "这是对这座城市全面深化服务贸易创新发展试点工作的认可。", "武汉市"))
    assert "首批示范区" not in found and "“首批示范区”" not in found
    assert not [n for n in found if "标准" in n]
    assert "物联网" not in found
    assert "全面深化服务贸易创新发展试点" in found and not [n for n in found if n.startswith("城市")]


def test_district_sub_areas_are_places_and_a_national_base_at_work_is_a_site() -> None:
    found = mentions(extract("武昌滨江片区、江汉西北湖片区等城市更新区域发展商务服务。武汉片区依托武汉东湖综合保税区。"
                             "发挥国家数字服务出口基地作用；武汉经开区获评国家文化出口基地。", "武汉市"))
    assert found["武昌滨江片区"][0] == "Place" and found["江汉西北湖片区"][0] == "Place"
    assert found["武汉片区"][0] == "Zone"  # a city's share of a free trade zone
    assert found["国家数字服务出口基地"][0] == "Base"
    assert found["国家文化出口基地"][0] == "Designation"


def test_agglomeration_zones_are_parks_and_a_year_before_a_quote_is_the_edition() -> None:
    found = mentions(extract("武汉光谷金融现代服务业集聚示范区获评省级集聚区。办好2025“乐购武汉”消费促进年，"
                             "在博览会上作国家级试点城市推介。", "武汉市"))
    assert found["武汉光谷金融现代服务业集聚示范区"][0] == "Park"
    assert found["2025“乐购武汉”消费促进年"][0] == "Programme" and "2025" not in found
    assert not [n for n in found if "上作" in n]


def test_a_person_before_a_title_and_a_known_whole_place_word() -> None:
    found = mentions(extract("习近平总书记对湖北工作作出重要指示。王文涛部长表示，推进辽东半岛会展业一体化发展。", "武汉市"))
    assert found["习近平"][0] == "Person" and found["王文涛"][0] == "Person"
    assert found["辽东半岛"][0] == "Place"  # one jieba place word, no gazetteer entry needed


def test_counted_kinds_split_by_jieba_and_names_with_zhi() -> None:
    found = mentions(extract("武汉立足武汉综合保税区、武汉国际陆港区两大开放平台。哈萨克斯坦草原之鹰物流股份公司也前来洽谈。", "武汉市"))
    assert not [n for n in found if n.endswith("开放平台")]
    assert found["哈萨克斯坦草原之鹰物流股份公司"][0] == "Enterprise"


def test_known_names_with_their_kind_quoted_kinds_and_areas_dropped_from_a_site_name() -> None:
    ex = extract("支持卡奥斯COSMOPlat工业互联网平台发展。建设一批“智慧商圈”。依托长江港口群延伸港口服务功能。"
                 "建设鄂东临空经济示范区。临空经济示范区集聚企业200家。", "武汉市")
    found = mentions(ex)
    assert found["卡奥斯COSMOPlat工业互联网平台"] == ("Platform", "卡奥斯COSMOPlat")  # the known platform, by its kind
    assert "智慧商圈" not in found and "“智慧商圈”" not in found
    assert not [n for n in found if n.endswith("港口")]
    assert found["临空经济示范区"] == ("Zone", "鄂东临空经济示范区")


def test_a_product_quoted_after_an_insurer_word_and_counted_projects_in_quotes_are_no_names() -> None:
    found = mentions(extract("武汉城市定制型商业健康补充保险“江城e保”上线。现场签下21个项目“大单”。"
                             "综合服务平台“汉贸通”上线。", "武汉市"))
    assert not [n for n in found if n.endswith("保险")]
    assert "“大单”" not in found and "大单" not in found
    assert found["“汉贸通”"][0] == "Platform"


def test_more_kinds_by_suffix_and_adjacency_words_end_names() -> None:
    found = mentions(extract("召开2020年洪山区服务外包企业复工复产推进会。举办湖北离岸服务外包项目路演会。建设全国一体化算力网络湖北枢纽节点，"
                             "推进武汉国际港务区建设。武汉长江新区毗邻武汉天河国际机场，园区已有武汉椰云数字科技有限公司等企业。"
                             "武汉晋译科技入选中国服务外包成长型企业50强。代表团访问乌兰巴托。", "武汉市"))
    assert found["2020年洪山区服务外包企业复工复产推进会"][0] == "Event"
    assert found["湖北离岸服务外包项目路演会"][0] == "Event"
    assert found["全国一体化算力网络湖北枢纽节点"][0] == "Base"
    assert found["武汉国际港务区"][0] == "Zone"
    assert found["武汉天河国际机场"][0] == "Place" and "武汉椰云数字科技有限公司" in found
    assert found["中国服务外包成长型企业50强"][0] == "Designation"
    assert found["乌兰巴托"][0] == "City"


def test_ministry_departments_land_ports_and_speakers_without_a_common_surname() -> None:
    found = mentions(extract("商务部服务贸易和商贸服务业司为指导单位。商务部外资司司长朱冰出席。依托武汉国际陆港发展物流，"
                             "建设武汉国际陆港区。公司总经理其木格告诉记者，局长巴图孟和在接受采访时说。", "武汉市"))
    assert found["商务部服务贸易和商贸服务业司"][0] == "GovernmentBody"
    assert found["朱冰"][0] == "Person" and "朱冰出" not in found
    assert found["武汉国际陆港"][0] == "Base" and found["武汉国际陆港区"][0] == "Zone"
    assert found["其木格"][0] == "Person" and found["巴图孟和"][0] == "Person"
