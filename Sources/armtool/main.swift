print("armtool")
