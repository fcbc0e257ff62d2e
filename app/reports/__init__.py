"""Printouts: recorded figures and plain values rendered to PDF with reportlab (no Qt here).

`document` is the page every printout is set on (A4, header, "Side X av Y", embedded fonts),
`fonts` registers the bundled fonts, `bidi` sets Arabic and mixed-direction text, and each
printout is a module of its own (`purpose_letter`).
"""
