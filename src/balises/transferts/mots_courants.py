"""Place names that are also ordinary French words, and the small words of place names.

A check for local names must not flag « Plan » in « le Plan climat », « Bar » in « un bar
associatif » or « Vers » at the start of a sentence. The list below holds the single-word names
of the national reference (and names once their article is dropped: « Le Mené » → « mené »)
that are ordinary French words an experience sheet is likely to use. It was drawn up by
comparing those names with a French word list and keeping the words that occur in the
project's own French texts, plus words picked by hand; large towns whose name is a rare word
(Paris, Calais, Gap) were left out so that they are always flagged. Names of one or two
letters (Y, Eu, Ay…) are treated as ordinary by rule, not listed.
"""

ORDINARY_WORDS = frozenset(
    """
    abondance aire aires allier angles appelle arches armes aucun aude avion avril bains bar baron
    barre bars beaux bois bonne bonnes borne bourg branches bras cabanes came campagne carnet cause
    caves celle celles centres cesse champagne champs chance change chapelle charge charme chateau
    chemin cher cheville choisies choux colonne confort contre corps cote courbe courbes couronne
    cours courtes couture creuse croix cultures dangers degre devise don doux dry dunes echelle
    echelles ecole engins espere etables etoile eure falaise faux feux fille fins flat fleche
    folies fontaine fontaines force forges fosse four fours frais francs frise gard garde gars
    geste gorges graces grand granges gras grasse habit hommes jardin job jury lacs lance landes
    lent levier lies ligne lire loire long lot lourdes lue luxe machine maire maisons manche marche
    marches mare marin marines marne marques mars maux mene mer mere messe monnaie mont montagne
    monte monts moulins moyen murs nord nuits orange orne parc parce parent pas passage pauvres
    pere peri piano pierres pin pins place places plaine plaisir plan planes plans pont ponts port
    portes poses premieres pres prince publier puits pure puy quarante quartier racines rang real
    relevant reunion riche riviere rivieres roche rocher roches romain rouge routes rue sache saint
    salles salon sauve sens servant servies seuil signes simple somme son suisse sure table tache
    taillis termes titre touche touches tour tours toussaint trait treve union val var vers vert
    vieux vignes ville villes vire vitre vogue vue
    """.split()  # noqa: SIM905 - a word list reads better as text
) | frozenset(
    # Verb forms and words a text opens a sentence with, picked by hand.
    """
    aime allons aurons irai irais loue louer lutter passa porta sommes viens voue poisson pleurs
    tasse
    """.split()  # noqa: SIM905
)

# Words inside place names that carry no name of their own (« Saint-Jean-de-Luz »,
# « Lys-lez-Lannoy »): they may be written in lower case, and never make a name on their own.
PARTICLES = frozenset(
    "a au aux d de des du en et l la le les lez sous sur y".split()  # noqa: SIM905
)
ARTICLES = frozenset({"l", "la", "le", "les"})
