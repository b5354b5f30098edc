package ai.human.result;

/**
 * One of the seven emotions with its probability, as Human reports it (rounded to 2 decimals).
 *
 * @param score   probability 0..1
 * @param emotion one of {@code angry, disgust, fear, happy, sad, surprise, neutral}
 */
public record EmotionScore(double score, String emotion) {
}
