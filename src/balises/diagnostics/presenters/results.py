"""Results as plain rows and drawings: shared by the pages, the JSON and CSV twins and the API."""

from __future__ import annotations

from django.utils.translation import gettext as _

from balises.diagnostics import scoring
from balises.diagnostics.results import CampaignResults
from balises.graphiques.lines import LineSeries, render_lines
from balises.graphiques.radar import RadarSeries, render_radar

CSV_COLUMNS = [
    "code",
    "element",
    "theme",
    "consensus",
    "ecart",
    "divergence",
    "reponses",
    "preuves",
    "niveau_suggere",
    "campagne_precedente",
    "evolution",
]


def element_rows(results: CampaignResults) -> list[dict]:
    rows = []
    for row in results.elements:
        item: dict[str, object] = {
            "code": row.element.code,
            "key": row.element.key,
            "element": row.element.label,
            "theme": row.theme.label if row.theme else "",
            "consensus": row.consensus,
            "viewpoints": row.medians,
            "ecart": row.spread,
            "divergence": row.divergent,
            "reponses": row.answer_count,
            "preuves": row.evidence_count,
            "niveau_suggere": row.suggested,
            "campagne_precedente": row.previous,
            "evolution": row.evolution,
        }
        if results.details:
            item["answers"] = [
                {
                    "name": a.name,
                    "viewpoint": a.viewpoint,
                    "level": a.level,
                    "dont_know": a.dont_know,
                    "justification": a.justification,
                    "evidence": [{"id": pk, "title": title} for pk, title in a.evidence],
                }
                for a in row.answers
            ]
        rows.append(item)
    return rows


def results_data(results: CampaignResults) -> dict:
    campagne = results.campagne
    return {
        "campagne": {
            "id": campagne.pk,
            "title": campagne.title,
            "status": campagne.status,
            "results_published": campagne.results_published,
            "referentiel": {
                "slug": campagne.referentiel.slug,
                "version": campagne.referentiel.version,
            },
        },
        "scale": [{"level": m.level, "label": m.label} for m in results.scale],
        "scale_note": campagne.referentiel.scale_note,
        "viewpoints": [
            {"code": code, "label": str(label), "respondents": results.respondents[code]}
            for code, label in results.viewpoints
        ],
        "previous_campagne": results.previous.pk if results.previous else None,
        "elements": element_rows(results),
    }


def radar_consensus(results: CampaignResults, svg_id: str = "radar-consensus") -> str:
    axes = [row.element.code for row in results.elements]
    series = [
        RadarSeries(_("Consensus (médiane des points de vue)"),
                    [row.consensus for row in results.elements], "radar-consensus"),
        RadarSeries(_("Niveau suggéré par les preuves"),
                    [row.suggested for row in results.elements], "radar-suggere"),
    ]  # fmt: skip
    if results.previous is not None:
        series.append(
            RadarSeries(_("Campagne précédente"),
                        [row.previous for row in results.elements], "radar-precedent")
        )  # fmt: skip
    return render_radar(
        axes, series, top=results.top, svg_id=svg_id,
        title=_("Consensus par élément"),
        desc=_("Radar du niveau médian de chaque élément, avec le niveau suggéré par les "
               "preuves ; le tableau qui suit donne les mêmes valeurs."),
    )  # fmt: skip


def radars_by_viewpoint(results: CampaignResults) -> list[tuple[str, str]]:
    """(viewpoint label, SVG) — each viewpoint drawn over the consensus."""
    axes = [row.element.code for row in results.elements]
    consensus = [row.consensus for row in results.elements]
    drawings = []
    for index, (code, label) in enumerate(results.viewpoints):
        series = [
            RadarSeries(_("Consensus"), consensus, "radar-reference"),
            RadarSeries(str(label), [row.medians.get(code) for row in results.elements],
                        f"radar-vue radar-vue-{index % 6}"),
        ]  # fmt: skip
        svg = render_radar(
            axes, series, top=results.top, svg_id=f"radar-{code}", size=300,
            title=_("Point de vue : %(label)s") % {"label": label},
            desc=_("Niveau médian donné par ce point de vue pour chaque élément, sur le "
                   "consensus ; valeurs dans le tableau."),
        )  # fmt: skip
        drawings.append((str(label), svg))
    return drawings


def evolution_chart(
    steps: list[str], named: list[tuple[str, list[float | None]]], svg_id: str, title: str
) -> str:
    series = [
        LineSeries(name, values, f"courbe-{index % 8}")
        for index, (name, values) in enumerate(named)
    ]
    return render_lines(
        steps, series, svg_id=svg_id, title=title,
        desc=_("Niveau de maturité (consensus) à chaque campagne ; le tableau qui suit donne "
               "les mêmes valeurs."),
    )  # fmt: skip


def theme_mean(values: list[float | None]) -> float | None:
    return scoring.mean(values)
