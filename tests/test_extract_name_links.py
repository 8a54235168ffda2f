"""Names that are one entity, one rule at a time: aliases defined in the text, legal-form and
…城市 short forms, abbreviations, names without their city, relative names completed from the
document's place, known short forms inside names (what a name is: test_extract_names.py)."""

from __future__ import annotations

import pytest

from extract_helpers import extract, mentions
from kg.resolve import normalise, resolve


@pytest.mark.parametrize("place, expected", [("成都市", "成都市商务局"), ("杭州市", "杭州市商务局")])
def test_relative_names_are_completed_from_the_document_place(place: str, expected: str) -> None:
    ex = extract("近日，市商务局召开服务贸易工作会议。", place=place)
    assert mentions(ex)["市商务局"] == ("GovernmentBody", expected)


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


def test_a_meeting_or_body_named_after_the_city_pronoun_takes_the_city_name() -> None:
    ex = extract("召开全市服务业高质量发展大会，成立全市行业协会商会联盟。", "武汉市")
    found = mentions(ex)
    assert found["全市服务业高质量发展大会"] == ("Event", "武汉市服务业高质量发展大会")
    assert found["全市行业协会商会联盟"] == ("Organization", "武汉市行业协会商会联盟")


def test_a_known_short_form_inside_a_name_is_the_same_entity() -> None:
    ex = extract("上海合作组织国际投资贸易博览会在武汉开幕。上合组织国际投资贸易博览会期间签约项目30个。", "武汉市")
    fairs = [e for e in resolve([ex]).entities.values() if e.label.endswith("博览会")]
    assert len(fairs) == 1 and fairs[0].label == "上海合作组织国际投资贸易博览会", fairs
    assert "上合组织国际投资贸易博览会" in fairs[0].aliases


def test_known_names_with_their_kind_quoted_kinds_and_areas_dropped_from_a_site_name() -> None:
    ex = extract("支持卡奥斯COSMOPlat工业互联网平台发展。建设一批“智慧商圈”。依托长江港口群延伸港口服务功能。"
                 "建设鄂东临空经济示范区。临空经济示范区集聚企业200家。", "武汉市")
    found = mentions(ex)
    assert found["卡奥斯COSMOPlat工业互联网平台"] == ("Platform", "卡奥斯COSMOPlat")  # the known platform, by its kind
    assert "智慧商圈" not in found and "“智慧商圈”" not in found
    assert not [n for n in found if n.endswith("港口")]
    assert found["临空经济示范区"] == ("Zone", "鄂东临空经济示范区")
