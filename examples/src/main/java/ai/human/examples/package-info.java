/**
 * Small programs that show how to use Human for Java, each run by a test: {@link ai.human.examples.DecodeDetectLoop}
 * (decode → detect with face tensors → release, the tensor count staying flat), {@link ai.human.examples.GuiceApp}
 * (an application wired with Guice), {@link ai.human.examples.FolderToJsonLines} (a folder to JSON lines) and
 * {@link ai.human.examples.MatchFaces} (faces of one photo against a folder).
 *
 * <pre>
 * mvn -q -pl examples -am package -DskipTests
 * java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" ai.human.examples.DecodeDetectLoop --iterations 5
 * </pre>
 */
package ai.human.examples;
