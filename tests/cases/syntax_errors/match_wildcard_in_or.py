# An irrefutable alternative that is not the last one.
match 3:
    case 1 | _ | 2:
        print("never")
