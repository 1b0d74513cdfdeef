import sys
def main():
    print("validating")
    sys.exit("fatal: configuration missing")
main()
