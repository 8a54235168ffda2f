"""Response models of the JSON routes, in one place (they are also the OpenAPI schema)."""

from __future__ import annotations

from pydantic import BaseModel, Field


class TypeRef(BaseModel):
    iri: str
    name: str = Field(description="Local name in the ontology, e.g. Zone")
    label: str | None = Field(None, description="Chinese label of the class")


class DocumentRef(BaseModel):
    iri: str
    title: str | None = None


class Evidence(BaseModel):
    """The sentence a relation or figure was read from."""

    sentence: str | None = Field(None, description="IRI of the sentence node")
    text: str | None = None
    start: int | None = Field(None, description="Character offset of the sentence in its document")
    end: int | None = None
    trigger: str | None = Field(None, description="The word that signalled the relation, e.g. 印发")
    document: DocumentRef | None = None


class EntityRef(BaseModel):
    id: str
    iri: str
    label: str | None = None
    types: list[str] = []


class Relation(BaseModel):
    predicate: str = Field(description="Local name of the relation, e.g. locatedIn")
    predicate_iri: str
    entity: EntityRef = Field(description="The entity at the other end")
    evidence: list[Evidence] = []


class Figure(BaseModel):
    iri: str
    metric: str | None = None
    value: float | None = None
    unit: str | None = None
    year: str | None = None
    is_target: bool | None = None
    is_growth_rate: bool | None = None
    evidence: Evidence | None = None


class EntityDetail(BaseModel):
    id: str
    iri: str
    label: str | None
    alt_labels: list[str]
    types: list[TypeRef]
    documents: list[DocumentRef]
    figures: list[Figure]
    outgoing: list[Relation]
    incoming: list[Relation]


class SearchHit(EntityRef):
    matched: str = Field(description="The name or alias that matched the search")


class SearchResult(BaseModel):
    query: str
    total: int = Field(description="Entities that matched before the limit")
    results: list[SearchHit]


class Node(EntityRef):
    depth: int = Field(description="Hops from the entity asked about")


class Edge(BaseModel):
    id: str
    source: str
    target: str
    predicate: str
    label: str


class Neighbourhood(BaseModel):
    center: str
    depth: int
    nodes: list[Node]
    edges: list[Edge]
    truncated: bool = Field(description="True when the node limit cut the neighbourhood short")


class QueryParameter(BaseModel):
    name: str
    type: str = Field(description="iri, literal, entity, class, string, string@zh, integer, decimal, "
                                  "boolean, gYear or date")
    default: str | None = Field(description="Used when the caller gives no value; null: the variable stays unbound")
    description: str


class NamedQueryInfo(BaseModel):
    name: str
    title: str
    description: str
    parameters: list[QueryParameter]
    url: str


class NamedQueryResult(BaseModel):
    name: str
    parameters: dict[str, str]
    variables: list[str]
    rows: list[dict[str, str]]
    truncated: bool


class Stats(BaseModel):
    quads: int
    graphs: int
    documents: int
    entities: int
    entities_by_class: dict[str, int]
    relations_by_predicate: dict[str, int]
    indicators: int
    assertions: int


class Health(BaseModel):
    status: str
    store: str
    generation: str | None
    workers: int
