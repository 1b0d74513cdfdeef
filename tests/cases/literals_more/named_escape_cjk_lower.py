s = "abc\N{cjk unified ideograph-4E00}"
