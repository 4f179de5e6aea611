from ninja import Field, Schema


class HitOut(Schema):
    kind: str
    object_id: str
    title: str
    snippet_html: str = Field(description="Extrait en HTML échappé, mots trouvés entre <mark>")
    url: str
    score: float = Field(description="Pertinence : plus c'est grand, mieux c'est")


class SearchResultsOut(Schema):
    query: str
    total: int = Field(description="Nombre de documents trouvés, toutes pages confondues")
    total_is_exact: bool = Field(
        description="Faux quand il y a plus de `total` documents (le total n'est compté que "
        "jusqu'à un plafond ; les pages continuent tant qu'il y a des résultats)"
    )
    limit: int
    offset: int
    hits: list[HitOut]


class SearchFilters(Schema):
    q: str = Field("", max_length=500, description="Mots cherchés (tous requis)")
    kind: list[str] = Field(default_factory=list, description="Types de documents (répétable)")
    limit: int = Field(20, ge=1, le=100)
    offset: int = Field(0, ge=0, le=100_000)
    prefix: bool = Field(False, description="Le dernier mot peut être un début de mot")
