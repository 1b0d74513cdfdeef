if x:
    # comment

    pass