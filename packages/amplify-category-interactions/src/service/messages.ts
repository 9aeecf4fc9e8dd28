export const LEX_V2_NOTE = 'Amazon Lex V1 no longer accepts new bots: this bot is kept in the original lex-params.json format and deployed as a Lex V2 bot.';
