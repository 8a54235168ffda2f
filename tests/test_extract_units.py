"""Extraction, one rule at a time, on sentences whose answer a reader can check by eye."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import spacy
import yaml

from conftest import SEED_CORPUS
from kg.config import get_settings
from kg.extract import extract_document
from kg.extract.nlp import SPAN_KEY, build_pipeline
from kg.extract.relations import RelationFinder
from kg.load import load_document, split_sentences
from kg.model import Document, DocumentMeta, Extraction, Mention
from kg.resolve import normalise, resolve
from kg.vocab import KG, RELATIONS, superclasses

PATTERNS = get_settings().lexicon_dir


def extract(text: str, place: str | None = None, date: str | None = "2025-03") -> Extraction:
    return extract_document(Document("unit", Path("unit.txt"), text, DocumentMeta(title="unit", place=place, date=date)))


def mentions(ex: Extraction) -> dict[str, tuple[str, str]]:
    """Surface text -> (class, name after completion)."""
    return {m.text: (m.cls, m.key) for m in ex.mentions}


def relations(ex: Extraction) -> list[tuple[set[str], str, set[str]]]:
    """(names of the subject, predicate, names of the object): label and aliases, normalised."""
    resolution = resolve([ex])

    def names(mention: Mention) -> set[str]:
        entity = resolution.entities[resolution.iri_of(mention)]
        return {normalise(n) for n in (entity.label, *entity.aliases)}

    return [(names(r.subject), r.predicate, names(r.object)) for r in ex.relations]


def is_a(cls: str, core: str) -> bool:
    return KG[core] in superclasses(KG[cls])


def check_offsets(ex: Extraction) -> None:
    text = ex.document.text
    for m in ex.mentions:
        assert text[m.start:m.end] == m.text, m
        sentence = ex.sentences[m.sentence]
        assert sentence.start <= m.start and m.end <= sentence.end, m
    for f in ex.figures:
        sentence = ex.sentences[f.sentence]
        assert sentence.start <= f.start < f.end <= sentence.end, f


# ---------------------------------------------------------------- the pipeline
def test_pipeline_components() -> None:
    assert build_pipeline().pipe_names == ["stkg_mentions", "stkg_relations", "stkg_figures"]


def test_mention_component_in_a_blank_chinese_pipeline() -> None:
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("stkg_mentions")
    text = "商务部印发《服务贸易发展规划》。"
    doc = nlp.make_doc(text)
    doc.user_data.update(sentences=split_sentences(text), place={})
    doc = nlp.get_pipe("stkg_mentions")(doc)
    assert [(span.text, span.label_) for span in doc.spans[SPAN_KEY]] == [
        ("商务部", "GovernmentBody"), ("服务贸易发展规划", "PolicyDocument")]


# ---------------------------------------------------------------- names
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


def test_a_second_name_shares_the_national_prefix_of_the_first() -> None:
    ex = extract("加快国家人力资源服务出口基地和语言服务出口基地建设。", "武汉市")
    assert mentions(ex)["语言服务出口基地"] == ("Base", "国家语言服务出口基地")


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


def test_an_event_held_within_a_fair_is_part_of_it() -> None:
    ex = extract("9月5日，服贸会举行了湖北服务贸易主题推介会。在湖北省政府主办的2024服贸会“湖北日”暨招商推介会上，10个项目签约。", "武汉市")
    found = relations(ex)
    assert ({"湖北服务贸易主题推介会"}, "partOf", {"中国国际服务贸易交易会", "服贸会"}) in [
        (s, p, o & {"中国国际服务贸易交易会", "服贸会"}) for s, p, o in found]
    assert any(p == "partOf" and "2024服贸会湖北日暨招商推介会" in s and "中国国际服务贸易交易会" in o for s, p, o in found)
    assert not any(p == "partOf" and s & o for s, p, o in found)  # 2021年中国国际服务贸易交易会 is no part of itself


def test_sites_a_city_has_and_sites_that_land_are_located_in_it() -> None:
    ex = extract("武汉还有光谷软件园、汉口数字服务中心等3家省级数字服务出口基地。武汉将推动国家计量数据中心落地。", "武汉市")
    located = {(min(s, key=len), min(o, key=len)) for s, p, o in relations(ex) if p == "locatedIn"}
    assert {("光谷软件园", "武汉"), ("汉口数字服务中心", "武汉"), ("国家计量数据中心", "武汉")} <= located


def test_brand_names_listed_before_a_kind_of_enterprise_are_enterprises() -> None:
    ex = extract("武汉成功培育斗鱼直播、卷皮科技、奇点云科技等独角兽企业。", "武汉市")
    found = mentions(ex)
    assert found["斗鱼直播"][0] == "Enterprise" and found["卷皮科技"][0] == "Enterprise"
    # topics listed before a kind are no names
    ex = extract("聚焦人工智能、工业互联网、智能制造等重点企业。", "武汉市")
    assert not {"人工智能", "工业互联网", "智能制造"} & set(mentions(ex))


def test_a_name_of_common_words_beside_a_recognised_name_is_a_name() -> None:
    ex = extract("试点收官后，武汉创新不停。长江船舶、光明来电新能源获评全国技术贸易创新实践案例。", "武汉市")
    assert mentions(ex)["光明来电新能源"][0] == "Enterprise"


def test_an_owner_before_its_quoted_platform_is_a_name_of_its_own() -> None:
    ex = extract("目前，汉储京科“仓易贷”平台推出仓单质押融资模式。", "武汉市")
    found = mentions(ex)
    assert found["汉储京科"][0] == "Enterprise"
    assert "汉储京科“仓易贷”平台" not in found
    assert any(p == "operates" and "汉储京科" in s for s, p, o in relations(ex))


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


def test_cities_are_not_what_is_built_on_a_base() -> None:
    ex = extract("依托武汉新港，建设郑州、西安等内陆港。", "武汉市")
    assert not [r for r in relations(ex) if r[1] == "reliesOn" and r[0] & {"郑州", "郑州市", "西安", "西安市"}]


# ---------------------------------------------------------------- relations
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


def test_a_government_body_is_not_designated() -> None:
    ex = extract("3个项目入选商务部“千帆出海”计划，汉阳工艺品厂等3家企业入选国家文化出口重点企业。", "武汉市")
    holders = {min(s, key=len) for s, p, o in relations(ex) if p == "designatedAs"}
    assert "商务部" not in holders and "汉阳工艺品厂" in holders


def test_the_list_before_deng_takes_part_not_the_modifier_after_it() -> None:
    text = "第五届数字贸易博览会开幕。斗鱼科技、卷皮科技、小药药等武汉代表性企业亮相。"
    participants = {min(s, key=len) for s, p, o in relations(extract(text, "武汉市")) if p == "participatesIn"}
    assert {"斗鱼科技", "卷皮科技"} <= participants and "武汉" not in participants


def test_counted_things_are_designated_not_the_city() -> None:
    ex = extract("武汉创新不停，8个案例入选服贸会全国“服务示范案例”。", "武汉市")
    assert not [r for r in relations(ex) if r[1] == "designatedAs" and "武汉市" in r[0]]
    ex = extract("武汉获批全面深化服务贸易创新发展试点。", "武汉市")
    assert [r for r in relations(ex) if r[1] == "designatedAs" and "武汉市" in r[0]]


def test_no_relation_without_a_trigger() -> None:
    assert relations(extract("商务部和《服务贸易发展规划》。四川长虹电器股份有限公司，国家文化出口重点企业。")) == []


# ---------------------------------------------------------------- figures
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


# ---------------------------------------------------------------- on a real document
def test_seed_document_offsets_and_vocabulary() -> None:
    ex = extract_document(load_document(sorted(SEED_CORPUS.glob("*.txt"))[2]))
    assert len(ex.mentions) > 20 and ex.relations and ex.figures
    check_offsets(ex)
    for m in ex.mentions:
        assert KG.Entity in superclasses(KG[m.cls]), m.cls
    assert {r.predicate for r in ex.relations} <= set(RELATIONS)
    starts = [m.start for m in ex.mentions]
    assert starts == sorted(starts)
    spans = sorted((m.start, m.end) for m in ex.mentions if m.rule != "alias")
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), "overlapping mentions"


# ---------------------------------------------------------------- the patterns are data of the ontology
def _classes_named_in_patterns() -> set[str]:
    names: set[str] = set(yaml.safe_load((PATTERNS / "entity_suffixes.yaml").read_text(encoding="utf-8")))
    for rule in yaml.safe_load((PATTERNS / "relations.yaml").read_text(encoding="utf-8"))["rules"]:
        names |= set(rule["subject"]) | set(rule["object"])
        names |= set(rule.get("subject_not", [])) | set(rule.get("object_not", []))
    persons = yaml.safe_load((PATTERNS / "persons.yaml").read_text(encoding="utf-8")) or {}
    names |= set((persons.get("enumeration_heads") or {}).values())
    for file, key in (("organizations.yaml", "organizations"), ("programmes.yaml", "programmes")):
        entries = (yaml.safe_load((PATTERNS / file).read_text(encoding="utf-8")) or {}).get(key) or []
        names |= {o["type"] for o in entries if "type" in o}
    bounds = yaml.safe_load((PATTERNS / "boundaries.yaml").read_text(encoding="utf-8"))
    names |= set(bounds["quoted_kinds"].values()) | set(bounds["title_classes"]) | set(bounds["listed_classes"])
    names |= set(bounds["place_led_classes"]) | set(bounds["descriptive_classes"])
    government = yaml.safe_load((PATTERNS / "government.yaml").read_text(encoding="utf-8"))
    names |= set(government["local_body_classes"].values()) | set(government["pronoun_named_classes"])
    return names


def test_pattern_classes_and_predicates_are_ontology_terms() -> None:
    for name in sorted(_classes_named_in_patterns()):
        assert KG[name] in superclasses(KG[name]), name  # KG[...] raises for an unknown class
        assert KG.Entity in superclasses(KG[name]), f"{name} is not an entity class"
    rules = yaml.safe_load((PATTERNS / "relations.yaml").read_text(encoding="utf-8"))["rules"]
    assert {rule["predicate"] for rule in rules} <= set(RELATIONS)
    orders = RelationFinder(rules).orders
    for rule in rules:
        assert rule["order"] in orders, rule
