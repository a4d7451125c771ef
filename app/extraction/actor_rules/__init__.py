"""The rules the actors extractor applies, one concern per module.

`lexicon` holds the word tables, `countries` the country and nationality look-ups,
`gazetteer` cities and states from data packages,
`spans` the cleaning of entity spans, `not_names` the capitalised words that name no
actor, `entity_types` the corrections of the
statistical model's labels, `grouping` the gathering of name mentions into actors,
`aliases` the names the text states for one thing, `roles` titles and appositions,
`coref` pronouns and descriptions, `fields` the mentions outside the body (headline,
byline, image caption and credit).
"""
