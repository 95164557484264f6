from promises.cli import main

main()
