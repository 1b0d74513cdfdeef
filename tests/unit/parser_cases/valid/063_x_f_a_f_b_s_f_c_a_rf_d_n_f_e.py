x = f"{a}" f"{b!s}" f'{c!a}' rf"{d}\n" f"""{e
}"""