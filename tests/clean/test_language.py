"""dyad.clean.language: scripts and function-word profiles."""

from __future__ import annotations

import pytest

from dyad.clean.language import detect_language


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The president said on Monday that the talks with the neighbouring state had been useful.", "en"),
        ("Le président a déclaré lundi que les discussions avec le pays voisin étaient utiles pour la paix.", "fr"),
        ("Der Präsident sagte am Montag, dass die Gespräche mit dem Nachbarland für den Frieden nützlich sind.", "de"),
        ("El presidente dijo el lunes que las conversaciones con el país vecino fueron útiles para la paz.", "es"),
        ("O presidente disse na segunda-feira que as conversas com o país vizinho foram úteis para a paz.", "pt"),
        ("Il presidente ha detto lunedì che i colloqui con il paese vicino sono stati utili per la pace.", "it"),
        ("Presiden mengatakan pada hari Senin bahwa pembicaraan dengan negara tetangga itu sangat berguna.", "id"),
        ("Президент заявил в понедельник, что переговоры с соседней страной были полезны для мира.", "ru"),
        ("大統領は月曜日、隣国との協議は有益だったと述べた。", "ja"),
        ("대통령은 월요일 이웃 나라와의 회담이 유익했다고 말했다.", "ko"),
        ("总统周一表示，与邻国的会谈很有成效。", "zh"),
    ],
)
def test_languages(text, lang):
    assert detect_language(text) == lang


def test_english_news_with_foreign_names_stays_english():
    text = (
        "Kim Jong Un met Vladimir Putin at the Vostochny Cosmodrome, and the Kremlin said the leaders "
        "discussed military cooperation. Le Monde and Der Spiegel reported that the visit was planned in July."
    )
    assert detect_language(text) == "en"


def test_too_little_text():
    assert detect_language("") == "en"
    assert detect_language("12345 !!!") == "und"
