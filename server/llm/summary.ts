import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import type { AskResponse } from '../../retrieval/methods/ask.js';

/**
 * Optional generated summary over the extractive answer, from an OpenAI-compatible chat endpoint (llama.cpp server,
 * vLLM, Ollama's /v1, ...). Off unless configured. The model sees only the returned passages, numbered, and must
 * cite them as [n]; citations to anything else are removed, and a summary citing nothing is dropped.
 */

export interface LlmConfig {
  /** Base URL, e.g. `http://localhost:8080/v1`. */
  url: string;
  model: string;
  apiKey?: string;
  /** Default 20 000 ms. */
  timeoutMs?: number;
}

export interface Summary {
  text: string;
  model: string;
  passageIds: string[];
}

const chatResponse = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});

export async function summarise(config: LlmConfig, answer: AskResponse, log: FastifyBaseLogger): Promise<Summary | undefined> {
  const passages = answer.passages.slice(0, 12);
  if (passages.length === 0) return undefined;
  const sources = passages.map((p, i) => `[${i + 1}] ${p.region}, ${p.section.path}: ${p.text}`).join('\n\n');
  try {
    const res = await fetch(`${config.url.replace(/\/$/, '')}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}) },
      body: JSON.stringify({
        model: config.model,
        temperature: 0,
        messages: [
          {
            role: 'system',
            content:
              'Ты помощник аналитика. Отвечай по-русски кратко, только на основе приведённых источников. ' +
              'Каждое утверждение снабжай ссылкой [n] на источник. Если источники не отвечают на вопрос, так и скажи.',
          },
          { role: 'user', content: `Вопрос: ${answer.question}\n\nИсточники:\n${sources}` },
        ],
      }),
      signal: AbortSignal.timeout(config.timeoutMs ?? 20_000),
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const parsed = chatResponse.parse(await res.json());
    const cited = new Set<number>();
    const text = parsed.choices[0]!.message.content.replace(/\[(\d+)\]/g, (whole, n: string) => {
      const i = Number(n);
      if (i >= 1 && i <= passages.length) {
        cited.add(i);
        return whole;
      }
      return '';
    });
    if (cited.size === 0) return undefined;
    return { text: text.trim(), model: config.model, passageIds: [...cited].sort((a, b) => a - b).map((i) => passages[i - 1]!.id) };
  } catch (err) {
    log.warn({ err: (err as Error).message }, 'LLM summary failed; answering with the extractive answer only');
    return undefined;
  }
}
