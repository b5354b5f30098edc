/**
 * Results as JSON in Human 3.3.6's layout: {@link ai.human.json.ResultJson} writes one {@link ai.human.result.Result}
 * or a document of several images ({@code {"images": [{"image", "width", "height", "result"}]}}) that tools written
 * for Human's results read unchanged.
 */
package ai.human.json;
