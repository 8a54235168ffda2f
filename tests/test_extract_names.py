"""Names, one rule at a time, on sentences whose answer a reader can check by eye: what is a name,
where it starts and ends and its class (names that are one entity: test_extract_name_links.py;
titles conferred and held: test_extract_titles.py)."""

from __future__ import annotations

from extract_helpers import check_offsets, extract, is_a, mentions, relations


def test_book_titles_are_policy_documents_without_the_marks() -> None:
    ex = extract("市政府出台《杭州市数字贸易促进条例》和《关于加快服务贸易发展的若干意见》。", place="杭州市")
    found = mentions(ex)
    assert found["杭州市数字贸易促进条例"][0] == "PolicyDocument"
    assert found["关于加快服务贸易发展的若干意见"][0] == "PolicyDocument"
    assert not [m for m in ex.mentions if "《" in m.text or "》" in m.text]
    check_offsets(ex)


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


def test_the_longest_suffix_ends_the_name() -> None:
    ex = extract("西安先后获评全国物流创新发展试点城市、中国邮轮旅游发展实验区。", "西安市")
    assert "全国物流创新发展试点城市" in mentions(ex)


def test_a_country_and_a_dash_open_a_name() -> None:
    ex = extract("中国-东盟自由贸易区建设提速。", "南宁市")
    assert mentions(ex)["中国-东盟自由贸易区"][0] == "Zone"


def test_a_short_place_name_inside_a_common_word_is_no_place() -> None:
    ex = extract("武汉真金白银支持企业和平台发展，白银市代表团来访。", "武汉市")
    places = [m.text for m in ex.mentions if m.cls in ("City", "District")]
    assert places == ["武汉", "白银市"]


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


def test_a_bracketed_place_after_a_name_is_part_of_it() -> None:
    ex = extract("推动全球标准数据中心（武汉）落地。", "武汉市")
    assert mentions(ex)["全球标准数据中心（武汉）"][0] == "Base"


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


def test_counted_quotes_slogans_and_generic_words_are_no_names() -> None:
    found = mentions(extract("武汉跻身“首批示范区”，瞄准“国际高标准”，推广“武汉标准”。物联网、人工智能等数据流平台快速发展。"
                             "这是对这座城市全面深化服务贸易创新发展试点工作的认可。", "武汉市"))
    assert "首批示范区" not in found and "“首批示范区”" not in found
    assert not [n for n in found if "标准" in n]
    assert "物联网" not in found
    assert "全面深化服务贸易创新发展试点" in found and not [n for n in found if n.startswith("城市")]


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
