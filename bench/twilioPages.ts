import axios from 'axios';

/** Every page of a Twilio listing (PageSize 1000) as the API sent it: its query and its text. */
export async function fetchTwilioPages(
	credentials: Record<string, string>,
): Promise<Array<{ query: Record<string, string>; text: string }>> {
	const pages: Array<{ query: Record<string, string>; text: string }> = [];
	let query: Record<string, string> = { Channel: 'whatsapp', PageSize: '1000' };
	for (;;) {
		const { data } = await axios.get<string>(`${credentials.baseUrl}/v2/Channels/Senders`, {
			params: query,
			auth: { username: credentials.accountSid, password: credentials.authToken },
			responseType: 'text',
			transformResponse: [(body: string) => body],
		});
		pages.push({ query, text: data });
		const next = (JSON.parse(data) as { meta: { next_page_url: string | null } }).meta
			.next_page_url;
		if (!next) return pages;
		query = Object.fromEntries(new URL(next).searchParams);
	}
}
