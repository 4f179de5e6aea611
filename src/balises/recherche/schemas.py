from ninja import Field, Schema

from balises.core.api.schemas import Page, PageQuery, per_page_field

from .services import MAX_LIMIT


class HitOut(Schema):
    kind: str
    object_id: str
    title: str
    snippet_html: str = Field(description="Extrait en HTML échappé, mots trouvés entre <mark>")
    url: str
    score: float = Field(description="Pertinence : plus c'est grand, mieux c'est")


class SearchResultsOut(Page[HitOut]):
    query: str = Field(description="Les mots cherchés, tels que compris")
    count_is_exact: bool = Field(
        description="Faux quand il y a plus de `count` documents (le total n'est compté que "
        "jusqu'à un plafond ; les pages continuent tant qu'il y a des résultats)"
    )


class SearchFilters(PageQuery):
    q: str = Field("", max_length=500, description="Mots cherchés (tous requis)")
    kind: list[str] = Field(default_factory=list, description="Types de documents (répétable)")
    prefix: bool = Field(False, description="Le dernier mot peut être un début de mot")
    # Deep pages of a ranked search cost more than they are worth: the total is only counted up
    # to a ceiling anyway.
    page: int = Field(1, ge=1, le=1000, description="Numéro de page, à partir de 1")
    per_page: int = per_page_field(20, MAX_LIMIT)
    limit: int | None = Field(None, ge=1, le=MAX_LIMIT, description="Ancien nom de `per_page`")
    offset: int | None = Field(
        None, ge=0, le=100_000, description="Ancien paramètre : rang du premier résultat"
    )
