"""German, as the Deutscher Übersetzungsdienst translates UN documents (the UN's G files): the generic
convention, which holds its words ("Artikel", "Die Generalversammlung", "Plenarsitzung")."""

from align.langs.record import Language

LANGUAGE = Language(code="de", name="German", native="Deutsch", un_letter="G", region="de-DE")
