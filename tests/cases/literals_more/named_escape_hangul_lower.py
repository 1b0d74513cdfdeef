s = "\N{HANGUL SYLLABLE gag}"
