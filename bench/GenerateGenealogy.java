import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.tracecase.demo.GenealogyGenerator;

/**
 * Writes the interchange files (parts, builds, lots, consumptions) of a generated genealogy of N devices into a
 * directory, with the generator the demo data and the genealogy benchmark use. Needs the compiled classes:
 * {@code java -cp target/classes bench/GenerateGenealogy.java DEVICES SEED DIRECTORY}.
 */
public class GenerateGenealogy {

	public static void main(String[] args) throws Exception {
		if (args.length != 3) {
			System.err.println("Usage: java -cp target/classes bench/GenerateGenealogy.java DEVICES SEED DIRECTORY");
			System.exit(2);
		}
		int devices = Integer.parseInt(args[0]);
		long seed = Long.parseLong(args[1]);
		Path directory = Files.createDirectories(Path.of(args[2]));
		long started = System.nanoTime();
		try (BufferedWriter lots = Files.newBufferedWriter(directory.resolve("lots.csv"));
				BufferedWriter consumptions = Files.newBufferedWriter(directory.resolve("consumptions.csv"))) {
			GenealogyGenerator generator = new GenealogyGenerator(devices, seed, lots, consumptions);
			Files.writeString(directory.resolve("builds.csv"), generator.generate());
		}
		Files.writeString(directory.resolve("parts.csv"), GenealogyGenerator.parts());
		System.out.printf("Generated %d devices into %s in %d ms%n", devices, directory,
				(System.nanoTime() - started) / 1_000_000);
	}

}
