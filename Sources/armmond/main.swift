print("armmond")
